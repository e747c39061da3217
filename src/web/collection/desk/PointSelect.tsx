import { Alert, Anchor, Loader, NativeSelect } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointList } from '../../../collection/collection.contract.js';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { collectionPath, followLink } from '../../app/router.js';
import { canManageCollection, storedPoint, storePoint } from '../api.js';

/** The collection point the desk records at; with none yet, where to create one (for those who may). */
export function PointSelect({
  org,
  points,
  loading,
  pointCode,
  onChoose,
}: {
  org: Org;
  points: PointList | undefined;
  loading: boolean;
  pointCode: string;
  onChoose: (code: string) => void;
}) {
  const { t } = useTranslation();
  const items = points?.items ?? [];
  if (points && items.length === 0)
    return (
      <Alert color="yellow" variant="light" role="status">
        {t('collection.noPoints')}{' '}
        {canManageCollection(org) && (
          <Anchor href={collectionPath(org.slug, { view: 'setup' })} onClick={followLink} fw={600}>
            {t('setup.title')}
          </Anchor>
        )}
      </Alert>
    );
  return (
    <NativeSelect
      id="ayni-desk-point"
      label={t('collection.point')}
      value={pointCode}
      onChange={(e) => onChoose(e.currentTarget.value)}
      size="md"
      maw={420}
      data={[
        { value: '', label: t('collection.pointPlaceholder'), disabled: true },
        ...items.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
      ]}
      rightSection={loading ? <Loader size="xs" /> : undefined}
    />
  );
}

/**
 * The point the desk records at: the one this device remembers, else the only point when there is one;
 * a point chosen is remembered.
 */
export function useDeskPoint(org: Org, points: PointList | undefined) {
  const [pointCode, setPointCode] = useState<string>(() => storedPoint(org.slug) ?? '');
  const items = points?.items ?? [];
  // A remembered point that no longer exists (or none yet): the first point, when there is only one.
  useEffect(() => {
    if (!points) return;
    if (pointCode && items.some((p) => p.code === pointCode)) return;
    const only = items.length === 1 ? items[0]!.code : '';
    if (only !== pointCode) setPointCode(only);
  }, [points, items, pointCode]);
  const choosePoint = (code: string) => {
    setPointCode(code);
    if (code) storePoint(org.slug, code);
  };
  return { pointCode, setPointCode, choosePoint };
}
