import { Box, Center, Group, Loader, Text } from '@mantine/core';
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerConfig } from '../api.js';
import { FLAGGED_COLOR, type MapCanvasProps, PLOT_COLOR } from './types.js';

// MapLibre (≈1 MB) loads only when a map is on screen.
const MapCanvas = lazy(() => import('./MapCanvas.js'));

/**
 * A map of plots in a named region, with its legend. The map is a picture for sighted users: every page
 * that shows one also lists the same plots as text.
 */
export function PlotMap(props: Omit<MapCanvasProps, 'tilesUrl'> & { legend?: boolean }) {
  const { t } = useTranslation();
  const config = useServerConfig();
  const fallback = (
    <Center h={props.height} bg="gray.0" style={{ borderRadius: 8 }}>
      <Loader size="sm" aria-hidden="true" />
      <Text ml="sm" size="sm">
        {t('map.loading')}
      </Text>
    </Center>
  );
  return (
    <Box role="region" aria-label={props.label}>
      <MapErrorBoundary fallback={<Text c="dimmed">{t('map.unavailable')}</Text>}>
        <Suspense fallback={fallback}>
          {config.isPending ? fallback : <MapCanvas {...props} tilesUrl={config.data?.mapTilesUrl ?? null} />}
        </Suspense>
      </MapErrorBoundary>
      {props.legend !== false && (
        <Group
          gap="md"
          component="ul"
          style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}
          aria-label={t('map.legend')}
        >
          <LegendItem color={PLOT_COLOR} text={t('map.legendOk')} />
          <LegendItem color={FLAGGED_COLOR} text={t('map.legendFlagged')} />
        </Group>
      )}
    </Box>
  );
}

function LegendItem({ color, text }: { color: string; text: string }) {
  return (
    <Group component="li" gap={6} wrap="nowrap">
      <span
        aria-hidden="true"
        style={{ width: 12, height: 12, borderRadius: 6, background: color, display: 'inline-block' }}
      />
      <Text size="sm">{text}</Text>
    </Group>
  );
}

/** A chunk that fails to load (offline, a new version deployed) must not take the page down. */
class MapErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
