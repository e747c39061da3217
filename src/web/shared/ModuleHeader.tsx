import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { followLink } from '../app/router.js';

/** One link between a module's pages. */
export interface ModuleTab {
  key: string;
  label: ReactNode;
  href: string;
}

/**
 * The head of every module page: the organization (or a link back), the page's title and main actions,
 * and the links between the module's pages with the current one marked. A module whose pages print
 * (a receipt, the minutes) hides it on paper, so the sheet starts with its own content.
 */
export function ModuleHeader({
  orgName,
  title,
  back,
  actions,
  tabs = [],
  current,
  navLabel,
  hideWhenPrinting = false,
}: {
  orgName: string;
  title: string;
  back?: { href: string; label: string };
  actions?: ReactNode;
  /** Shown only on a page that names its `current` tab, and only when there is more than one. */
  tabs?: ModuleTab[];
  current?: string;
  /** The accessible name of the links' navigation landmark. */
  navLabel: string;
  hideWhenPrinting?: boolean;
}) {
  return (
    <Stack gap="sm" mb="md" className={hideWhenPrinting ? 'ayni-no-print' : undefined}>
      {back ? (
        <Anchor href={back.href} onClick={followLink} size="sm">
          ← {back.label}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {orgName}
        </Text>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {current !== undefined && tabs.length > 1 && (
        <Box component="nav" aria-label={navLabel}>
          <Group gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} role="list">
            {tabs.map((tab) => {
              const active = tab.key === current;
              return (
                <li key={tab.key}>
                  <Button
                    component="a"
                    href={tab.href}
                    onClick={followLink}
                    aria-current={active ? 'page' : undefined}
                    variant={active ? 'filled' : 'light'}
                    size="compact-sm"
                    fz={{ base: 'sm', sm: 'md' }}
                    radius="xl"
                  >
                    {tab.label}
                  </Button>
                </li>
              );
            })}
          </Group>
        </Box>
      )}
    </Stack>
  );
}
