import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { MessagePage } from '../app/feedback.js';
import { navigate, type TraceabilityView, traceabilityPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
import { canReadLots } from './api.js';
import { EudrPage } from './EudrPage.js';
import { LotTracePage } from './LotTracePage.js';
import { MemberLotsPage } from './MemberLotsPage.js';

/** `/o/:slug/traceability/…`: find a lot or a member, a lot's trace, its EUDR package, where a member's coffee went. */
export function TraceabilityRoute({ org, view }: { org: Org; view: TraceabilityView }) {
  const { t } = useTranslation();
  if (!canReadLots(org)) return <Unavailable text={t('traceability.noAccess')} />;
  switch (view.view) {
    case 'home':
      return <TraceHome org={org} />;
    case 'lot':
      return <LotTracePage org={org} code={view.code} />;
    case 'eudr':
      return <EudrPage org={org} code={view.code} />;
    case 'member':
      return <MemberLotsPage org={org} memberNumber={view.memberNumber} />;
  }
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('traceability.title'));
  return <MessagePage title={t('traceability.title')} text={text} />;
}

/** Two ways in: a lot by its code (down to the plots), a member by number (up to the lots). */
function TraceHome({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('traceability.title'), org.name);
  const [code, setCode] = useState('');
  const [member, setMember] = useState('');
  const openLot = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim().toUpperCase();
    if (value) navigate(traceabilityPath(org.slug, { view: 'lot', code: value }));
  };
  const openMember = (event: FormEvent) => {
    event.preventDefault();
    const value = member.trim();
    if (value) navigate(traceabilityPath(org.slug, { view: 'member', memberNumber: value }));
  };
  return (
    <Stack maw={720}>
      <ModuleHeader orgName={org.name} title={t('traceability.title')} navLabel={t('traceability.title')} />
      <Text>{t('traceability.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={openLot}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('traceability.lotCode')}
            </Title>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('traceability.lotCode')}
                placeholder={t('traceability.lotCodeHint')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                style={{ flex: '1 1 200px' }}
                autoCapitalize="characters"
              />
              <Button type="submit">{t('traceability.openLot')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {org.kind === 'cooperative' && (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={openMember}>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('traceability.memberNumber')}
                value={member}
                onChange={(e) => setMember(e.currentTarget.value)}
                style={{ flex: '1 1 200px' }}
                inputMode="numeric"
              />
              <Button type="submit" variant="light">
                {t('traceability.openMember')}
              </Button>
            </Group>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
