import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';
import { lotsPath } from '../app/router.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';

/** Pieces every lots page shares: the header with its tabs, a refusal in words, labels of codes. */

export function LotsHeader({
  org,
  title,
  current,
  back,
}: {
  org: Org;
  title: string;
  current?: 'home' | 'milling' | 'counts';
  back?: { href: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <ModuleHeader
      orgName={org.name}
      title={title}
      navLabel={t('lots.ui.nav')}
      {...(back && { back })}
      {...(current && { current })}
      tabs={[
        { key: 'home', label: t('lots.ui.tabHome'), href: lotsPath(org.slug) },
        { key: 'milling', label: t('lots.ui.tabMilling'), href: lotsPath(org.slug, { view: 'milling' }) },
        { key: 'counts', label: t('lots.ui.tabCounts'), href: lotsPath(org.slug, { view: 'counts' }) },
      ]}
    />
  );
}

/** The server's refusal: its sentence and each problem's own sentence (never a field path or a code). */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = isApiProblem(error) ? error.errors.map((e) => e.message) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={t('form.notSaved')}>
      <Text size="sm">{problemMessage(error, t)}</Text>
      {details.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {[...new Set(details)].map((m) => (
            <li key={m}>
              <Text size="sm">{m}</Text>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

const STATUS_COLOR: Record<string, string> = {
  open: 'green',
  closed: 'blue',
  delivered: 'grape',
  consumed: 'gray',
  shipped: 'dark',
};

/** A lot's status, product, class and EUDR mark as badges. */
export function LotBadges(props: {
  status: string;
  product: string;
  certificationClass: string;
  eudr: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={STATUS_COLOR[props.status] ?? 'gray'} variant="light" tt="none">
        {t(`lots.lotStatus.${props.status}` as 'lots.lotStatus.open')}
      </Badge>
      <Badge color="coffee" variant="outline" tt="none">
        {t(`lots.product.${props.product}` as 'lots.product.parchment')}
      </Badge>
      <Badge color="teal" variant="outline" tt="none">
        {t(`certClass.${props.certificationClass}` as 'certClass.conventional')}
      </Badge>
      <Badge color={props.eudr ? 'green' : 'orange'} variant={props.eudr ? 'filled' : 'light'} tt="none">
        {props.eudr ? t('lots.ui.eudr') : t('lots.ui.notEudr')}
      </Badge>
    </Group>
  );
}
