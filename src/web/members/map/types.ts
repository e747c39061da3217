import type { PlotGeometry } from '../../../members/members.contract.js';

/** One plot as the map draws it. */
export interface MapPlot {
  id: string;
  geometry: PlotGeometry;
  memberNumber: string;
  plotName: string;
  /** Already formatted ("3.33 ha"), or null. */
  area: string | null;
  /** Has a flag (area mismatch, overlap, low precision): drawn in the warning colour. */
  flagged: boolean;
}

export interface MapCanvasProps {
  plots: MapPlot[];
  /** Accessible name of the map. */
  label: string;
  height: number | string;
  /** Country of the organization (PE, CO): the view when there is nothing to show. */
  country: string;
  /** Raster XYZ template drawn under the plots, if the server has one. */
  tilesUrl: string | null;
  /** Clicking a plot opens a popup; with `memberHref` it links to the member. */
  memberHref?: (memberNumber: string) => string;
  /** A small map inside a page: the page scrolls, the map zooms only with ctrl/⌘ or two fingers. */
  embedded?: boolean;
}

/** Colours shared by the map and its legend. */
export const PLOT_COLOR = '#2b8a3e';
export const FLAGGED_COLOR = '#d9480f';
