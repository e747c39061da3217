import { Anchor, AppShell, Box, Burger, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView as Me, OrgView as Org } from '../../orgs/orgs.contract.js';
import { useOrgs } from '../api/queries.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { hasOwnRecord, isMemberOnly } from '../members/access.js';
import { OrgSwitcher } from '../orgs/OrgSwitcher.js';
import { UserMenu } from '../session/UserMenu.js';
import { CoffeeMark } from './CoffeeMark.js';
import type { ModuleKey, Route } from './router.js';
import { followLink, MODULES, myRecordPath, orgPath } from './router.js';

/** Below Mantine's `sm` breakpoint (48em) the navigation is a drawer behind the burger. */
const MOBILE_QUERY = '(max-width: 47.99em)';

export function AppLayout({ me, route, children }: { me: Me; route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, navbar] = useDisclosure(false);
  const isMobile = useMediaQuery(MOBILE_QUERY, false, { getInitialValueInEffect: false }) ?? false;
  const mainRef = useRef<HTMLElement>(null);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);

  const slug = route.name === 'org' || route.name === 'me' ? route.slug : null;
  const module: ModuleKey = route.name === 'org' ? route.module : route.name === 'me' ? 'members' : 'home';
  // Module links only for an organization the user can actually see.
  const orgs = useOrgs();
  const currentOrg = slug === null ? undefined : orgs.data?.items.find((o) => o.slug === slug);
  const navItems = currentOrg ? navigationFor(currentOrg, route, t) : [];

  const focusMain = () => mainRef.current?.focus({ preventScroll: true });

  // Opening the drawer on a phone moves focus to its current link; Escape closes it again.
  useEffect(() => {
    if (!opened || !isMobile) return;
    const nav = navRef.current;
    const link = nav?.querySelector<HTMLElement>('a[aria-current="page"]') ?? nav?.querySelector('a[href]');
    link?.focus();
  }, [opened, isMobile]);

  const onNavKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && isMobile && opened) {
      navbar.close();
      burgerRef.current?.focus();
    }
  };

  return (
    <>
      <a href="#main" className="ayni-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Burger
                ref={burgerRef}
                opened={opened}
                onClick={navbar.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('shell.toggleNavigation')}
                aria-expanded={opened}
                aria-controls="ayni-navbar"
              />
              <Anchor
                href={slug ? orgPath(slug) : '/'}
                onClick={followLink}
                underline="never"
                c="var(--mantine-color-text)"
                aria-label={t('shell.homeLink')}
              >
                <Group gap={6} wrap="nowrap">
                  <CoffeeMark size={28} />
                  <Text component="span" fw={700} fz="xl" c="coffee.8">
                    {t('app.name')}
                  </Text>
                </Group>
              </Anchor>
            </Group>
            {!isMobile && (
              <Box w={{ sm: 260, md: 340 }} style={{ flexShrink: 1, minWidth: 0 }}>
                <OrgSwitcher currentSlug={slug} currentModule={module} />
              </Box>
            )}
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <LanguageSwitch />
              <UserMenu me={me} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          ref={navRef}
          id="ayni-navbar"
          p="sm"
          aria-label={t('shell.modulesNav')}
          inert={isMobile && !opened}
          onKeyDown={onNavKeyDown}
        >
          <Stack gap={4}>
            {isMobile && (
              <Box mb="sm">
                <OrgSwitcher currentSlug={slug} currentModule={module} onSwitched={navbar.close} />
              </Box>
            )}
            {navItems.map(({ key, href, label, active }) => {
              return (
                <NavLink
                  key={key}
                  href={href}
                  label={label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  fw={active ? 600 : 500}
                  onClick={(event) =>
                    followLink(event, () => {
                      navbar.close();
                      focusMain();
                    })
                  }
                />
              );
            })}
          </Stack>
        </AppShell.Navbar>

        <AppShell.Main ref={mainRef} id="main" tabIndex={-1}>
          <Box maw={1100}>{children}</Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

interface NavItem {
  key: string;
  href: string;
  label: string;
  active: boolean;
}

/**
 * The module links of one organization. A person whose only role there is "member" gets
 * "My record" in place of the staff's Members entry; staff who are also members get both.
 */
function navigationFor(org: Org, route: Route, t: TFunction): NavItem[] {
  const items: NavItem[] = [];
  const onMe = route.name === 'me';
  const myRecord: NavItem = {
    key: 'me',
    href: myRecordPath(org.slug),
    label: t('shell.myRecord'),
    active: onMe,
  };
  const memberOnly = isMemberOnly(org);
  for (const key of MODULES) {
    if (key === 'members' && memberOnly) {
      items.push(myRecord);
      continue;
    }
    items.push({
      key,
      href: orgPath(org.slug, key),
      label: t(`modules.${key}`),
      active: route.name === 'org' && route.module === key,
    });
    if (key === 'members' && hasOwnRecord(org)) items.push(myRecord);
  }
  return items;
}
