import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { ModuleKey } from '../app/router.js';
import { followLink, orgPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

/** The honest page of a module that is not built yet: what it will do, and no fake data. */
export function ComingSoonPage({ org, module }: { org: Org; module: Exclude<ModuleKey, 'home'> }) {
  const { t } = useTranslation();
  const title = t(`modules.${module}`);
  useDocumentTitle(title, org.name);
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Text size="sm" c="dimmed">
          {org.name}
        </Text>
        <Title order={1}>{title}</Title>
      </div>
      <Paper withBorder p="lg" radius="md" bg="coffee.0">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('comingSoon.title')}
          </Title>
          <Text>{t(`moduleAbout.${module}`)}</Text>
          <Text size="sm" c="dimmed">
            {t('comingSoon.text')}
          </Text>
        </Stack>
      </Paper>
      <Anchor href={orgPath(org.slug)} onClick={followLink}>
        {t('comingSoon.backHome', { org: org.name })}
      </Anchor>
    </Stack>
  );
}
