import { Alert, Button, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assembly } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, problemMessage } from '../app/feedback.js';
import { FlashMessage, serverFieldErrors } from '../shared/ui.js';
import { useProxies, useRegisterProxy, useStatute } from './api.js';

/**
 * The console's proxies: a member who cannot come gives their vote to another by a signed letter, which
 * the secretary registers here before the votes. The server applies the statute (allowed at all, how
 * many per person, not for someone already in the room, no chains) and says why when it refuses.
 */
export function ProxyPanel({ org, assembly }: { org: Org; assembly: Assembly }) {
  const { t } = useTranslation();
  const proxies = useProxies(org.slug, assembly.id);
  const statute = useStatute(org.slug);
  const register = useRegisterProxy(org.slug, assembly.id);
  const [grantor, setGrantor] = useState('');
  const [holder, setHolder] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState<string | null>(null);
  const server = serverFieldErrors(register.error);
  const rules = statute.data?.params.proxies;
  const forbidden = assembly.kind === 'delegates' || rules?.allowed === false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!grantor.trim()) next.grantorNumber = t('governance.console.required');
    if (!holder.trim()) next.holderNumber = t('governance.console.required');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    register.mutate(
      {
        grantorNumber: grantor.trim(),
        holderNumber: holder.trim(),
        ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}),
      },
      {
        onSuccess: (list) => {
          const added = list.items.find((p) => p.grantorNumber === grantor.trim());
          setFlash(
            added
              ? t('elections.proxySaved', { grantor: added.grantorName, holder: added.holderName })
              : t('elections.proxySavedPlain'),
          );
          setGrantor('');
          setHolder('');
          setDocumentRef('');
        },
      },
    );
  };

  // a refusal with no field (statute, present, chain, maximum) is said above the form
  const refusal =
    register.error && !server.grantorNumber && !server.holderNumber && !server.documentRef
      ? problemMessage(register.error, t)
      : null;
  const list = proxies.data?.items ?? [];

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-labelledby="ayni-proxies-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-proxies-title">
          {t('elections.proxiesTitle')}
        </Title>
        {forbidden ? (
          <Text>{t('elections.proxiesForbidden')}</Text>
        ) : (
          <>
            <Text size="sm">
              {rules
                ? t('elections.proxiesIntro', { count: rules.maxPerPerson })
                : t('elections.proxiesIntroPlain')}
            </Text>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                {refusal && (
                  <Alert color="red" variant="light" role="alert" title={t('elections.proxyRefused')}>
                    <Text size="sm">{refusal}</Text>
                  </Alert>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('elections.grantor')}
                    description={t('elections.grantorHelp')}
                    value={grantor}
                    onChange={(e) => setGrantor(e.currentTarget.value)}
                    error={problems.grantorNumber ?? server.grantorNumber}
                    inputMode="numeric"
                    autoComplete="off"
                    required
                    size="md"
                  />
                  <TextInput
                    label={t('elections.holder')}
                    description={t('elections.holderHelp')}
                    value={holder}
                    onChange={(e) => setHolder(e.currentTarget.value)}
                    error={problems.holderNumber ?? server.holderNumber}
                    inputMode="numeric"
                    autoComplete="off"
                    required
                    size="md"
                  />
                </SimpleGrid>
                <TextInput
                  label={t('elections.documentRef')}
                  description={t('elections.documentRefHelp')}
                  value={documentRef}
                  onChange={(e) => setDocumentRef(e.currentTarget.value)}
                  error={server.documentRef}
                  maxLength={120}
                  size="md"
                />
                <Button
                  type="submit"
                  size="md"
                  loading={register.isPending}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('elections.registerProxy')}
                </Button>
              </Stack>
            </form>
            <FlashMessage message={flash} onClose={() => setFlash(null)} />
          </>
        )}
        {proxies.isError && !proxies.data ? (
          isApiProblem(proxies.error, 403) ? null : (
            <LoadError error={proxies.error} onRetry={() => void proxies.refetch()} />
          )
        ) : list.length === 0 ? (
          forbidden ? null : (
            <Text c="dimmed">{t('elections.noProxies')}</Text>
          )
        ) : (
          <Stack
            component="ul"
            gap={6}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('elections.proxiesList')}
          >
            {list.map((p) => (
              <Text component="li" key={p.grantorNumber}>
                {t('elections.proxyLine', {
                  grantor: p.grantorName,
                  grantorNumber: p.grantorNumber,
                  holder: p.holderName,
                  holderNumber: p.holderNumber,
                })}
                {p.documentRef && (
                  <Text component="span" c="dimmed" size="sm">
                    {' '}
                    · {p.documentRef}
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
