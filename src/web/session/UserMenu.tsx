import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MeView as Me } from '../../orgs/orgs.contract.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';
import { useSignOut } from './session.js';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [passwordOpen, passwordModal] = useDisclosure(false);
  const name = me.displayName || me.email;

  const doSignOut = (everywhere: boolean) => signOut.mutate(everywhere);

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('userMenu.label', { name })} className="ayni-user-button">
            <Group gap={8} wrap="nowrap">
              <Avatar size={32} radius="xl" color="coffee" aria-hidden="true">
                {initials(name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate="end" aria-hidden="true">
                {name}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
              {name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {me.email}
            </Text>
            {me.isPlatformAdmin && (
              <Text size="xs" c="dimmed">
                {t('userMenu.platformAdmin')}
              </Text>
            )}
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item onClick={passwordModal.open}>{t('userMenu.changePassword')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => doSignOut(false)} disabled={signOut.isPending}>
            {t('userMenu.signOut')}
          </Menu.Item>
          <Menu.Item onClick={() => doSignOut(true)} disabled={signOut.isPending}>
            {t('userMenu.signOutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordModal.close} />
    </>
  );
}
