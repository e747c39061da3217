import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Box } from '@mantine/core';
import type { FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import outlinesJson from '../../../shared/country-outlines.json' with { type: 'json' };
import { navigate } from '../../app/router.js';
import { FLAGGED_COLOR, type MapCanvasProps, type MapPlot, PLOT_COLOR } from './types.js';

maplibregl.setWorkerUrl(workerUrl);

interface Outline {
  bbox: number[];
  outline: MultiPolygon;
}
const outlines = (outlinesJson as unknown as { countries: Record<string, Outline> }).countries;

type Bounds = [number, number, number, number];

function extend(bounds: Bounds | null, [lon, lat]: Position): Bounds {
  if (lon === undefined || lat === undefined) return bounds ?? [0, 0, 0, 0];
  if (!bounds) return [lon, lat, lon, lat];
  return [
    Math.min(bounds[0], lon),
    Math.min(bounds[1], lat),
    Math.max(bounds[2], lon),
    Math.max(bounds[3], lat),
  ];
}

function boundsOf(plots: MapPlot[]): Bounds | null {
  let bounds: Bounds | null = null;
  for (const plot of plots) {
    const g = plot.geometry;
    if (g.type === 'Point') bounds = extend(bounds, g.coordinates);
    else for (const ring of g.coordinates) for (const p of ring) bounds = extend(bounds, p);
  }
  return bounds;
}

function centroid(ring: Position[]): Position {
  let x = 0;
  let y = 0;
  const n = Math.max(ring.length - 1, 1);
  for (let i = 0; i < n; i++) {
    x += ring[i]?.[0] ?? 0;
    y += ring[i]?.[1] ?? 0;
  }
  return [x / n, y / n];
}

function plotFeatures(plots: MapPlot[]): { shapes: FeatureCollection; dots: FeatureCollection } {
  const shapes: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const dots: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const plot of plots) {
    const properties = {
      id: plot.id,
      memberNumber: plot.memberNumber,
      plotName: plot.plotName,
      area: plot.area ?? '',
      flagged: plot.flagged ? 1 : 0,
    };
    shapes.features.push({ type: 'Feature', geometry: plot.geometry as Geometry, properties });
    // Polygons of a hectare are a pixel wide at the scale of a whole cooperative: also draw a dot.
    if (plot.geometry.type === 'Polygon' && plot.geometry.coordinates[0]) {
      dots.features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: centroid(plot.geometry.coordinates[0]) },
        properties,
      });
    }
  }
  return { shapes, dots };
}

const flaggedColor = ['case', ['==', ['get', 'flagged'], 1], FLAGGED_COLOR, PLOT_COLOR] as const;

/** A basemap that needs no outside server: country outlines as land, the plots on top. */
function buildStyle(plots: MapPlot[], tilesUrl: string | null): StyleSpecification {
  const { shapes, dots } = plotFeatures(plots);
  const land: FeatureCollection = {
    type: 'FeatureCollection',
    features: Object.entries(outlines).map(([code, c]) => ({
      type: 'Feature',
      geometry: c.outline,
      properties: { code },
    })),
  };
  const style: StyleSpecification = {
    version: 8,
    sources: {
      land: { type: 'geojson', data: land, attribution: 'Natural Earth' },
      plots: { type: 'geojson', data: shapes },
      plotDots: { type: 'geojson', data: dots },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d3e3ec' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4efe4' } },
      {
        id: 'land-border',
        type: 'line',
        source: 'land',
        paint: { 'line-color': '#9c8873', 'line-width': 1 },
      },
      {
        id: 'plot-dots',
        type: 'circle',
        source: 'plotDots',
        maxzoom: 13,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3, 12, 5],
          'circle-color': flaggedColor as never,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'plot-fill',
        type: 'fill',
        source: 'plots',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': flaggedColor as never, 'fill-opacity': 0.35 },
      },
      {
        id: 'plot-line',
        type: 'line',
        source: 'plots',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'line-color': flaggedColor as never, 'line-width': 2 },
      },
      {
        id: 'plot-points',
        type: 'circle',
        source: 'plots',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3, 12, 6, 16, 9],
          'circle-color': flaggedColor as never,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
  if (tilesUrl) {
    style.sources.tiles = { type: 'raster', tiles: [tilesUrl], tileSize: 256, maxzoom: 19 };
    style.layers.splice(3, 0, { id: 'tiles', type: 'raster', source: 'tiles' });
  }
  return style;
}

const CLICKABLE = ['plot-fill', 'plot-points', 'plot-dots'];

/** The MapLibre map itself; loaded on demand (its own chunk) by PlotMap. */
export default function MapCanvas({
  plots,
  label,
  height,
  country,
  tilesUrl,
  memberHref,
  embedded = false,
}: MapCanvasProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const dataBounds = boundsOf(plots);
    const countryBox = outlines[country]?.bbox ?? outlines.PE?.bbox ?? [-81.4, -18.4, -68.6, 0];
    const bounds: LngLatBoundsLike = dataBounds
      ? [
          [dataBounds[0], dataBounds[1]],
          [dataBounds[2], dataBounds[3]],
        ]
      : [
          [countryBox[0] ?? -81.4, countryBox[1] ?? -18.4],
          [countryBox[2] ?? -68.6, countryBox[3] ?? 0],
        ];

    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: element,
        style: buildStyle(plots, tilesUrl),
        bounds,
        fitBoundsOptions: { padding: 40, maxZoom: 16 },
        maxZoom: tilesUrl ? 19 : 18,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        cooperativeGestures: embedded,
        attributionControl: { compact: true },
        locale: {
          'Map.Title': label,
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
          'Popup.Close': t('app.close'),
          'AttributionControl.ToggleAttribution': t('map.attribution'),
          'FullscreenControl.Enter': t('map.fullscreen'),
          'FullscreenControl.Exit': t('map.exitFullscreen'),
          'CooperativeGesturesHandler.WindowsHelpText': t('map.ctrlToZoom'),
          'CooperativeGesturesHandler.MacHelpText': t('map.cmdToZoom'),
          'CooperativeGesturesHandler.MobileHelpText': t('map.twoFingers'),
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    if (!embedded) map.addControl(new maplibregl.FullscreenControl(), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

    const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '260px' });
    const onClick = (event: maplibregl.MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature) return;
      const p = feature.properties as { memberNumber: string; plotName: string; area: string };
      const box = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = p.plotName;
      box.append(title);
      const member = document.createElement('div');
      member.textContent = t('map.popupMember', { number: p.memberNumber });
      box.append(member);
      if (p.area) {
        const area = document.createElement('div');
        area.textContent = t('map.popupArea', { area: p.area });
        box.append(area);
      }
      if (memberHref) {
        const link = document.createElement('a');
        link.href = memberHref(p.memberNumber);
        link.textContent = t('map.openMember');
        link.addEventListener('click', (e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          navigate(link.getAttribute('href') ?? '/');
        });
        box.append(link);
      }
      popup.setLngLat(event.lngLat).setDOMContent(box).addTo(map);
    };
    for (const layer of CLICKABLE) {
      map.on('click', layer, onClick);
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    return () => {
      popup.remove();
      map.remove();
    };
  }, [plots, tilesUrl, country, embedded, label, i18n.resolvedLanguage]);

  if (failed) {
    return (
      <Alert color="yellow" variant="light" role="note">
        {t('map.unavailable')}
      </Alert>
    );
  }
  return <Box ref={container} h={height} w="100%" style={{ borderRadius: 8, overflow: 'hidden' }} />;
}
