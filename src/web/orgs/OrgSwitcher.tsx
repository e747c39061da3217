import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { ComboboxChevron, Select, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useOrgs } from '../api/queries.js';
import type { ModuleKey } from '../app/router.js';
import { navigate, orgPath } from '../app/router.js';
import { fold } from './format.js';

/** Searchable list of the organizations the user can see, named "Organización" / "Organization". */
export function OrgSwitcher({
  currentSlug,
  currentModule,
  onSwitched,
}: {
  currentSlug: string | null;
  currentModule: ModuleKey;
  onSwitched?: () => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const items = orgs.data?.items ?? [];
  const bySlug = useMemo(() => new Map(items.map((o) => [o.slug, o])), [items]);

  const data: ComboboxItem[] = items.map((o) => ({ value: o.slug, label: o.name }));

  // Matches the name or the kind, ignoring case and accents ("cafe" finds "Café", "central" finds centrals).
  const filter: OptionsFilter = ({ options, search }) => {
    const needle = fold(search.trim());
    if (!needle) return options;
    return options.filter((option: ComboboxParsedItem) => {
      if (!('value' in option)) return true;
      const org = bySlug.get(option.value);
      const kind = org ? t(`orgKind.${org.kind}`) : '';
      return fold(`${option.label} ${kind}`).includes(needle);
    });
  };

  const value = currentSlug && bySlug.has(currentSlug) ? currentSlug : null;
  // Mantine's searchable Select is an ARIA combobox without saying so: add the role and state.
  // (Mantine leaves aria-expanded out of the input's props, so it is set on the element directly.)
  const [expanded, setExpanded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.setAttribute('aria-expanded', String(expanded));
  });

  return (
    <Select
      aria-label={t('orgSwitcher.label')}
      role="combobox"
      aria-autocomplete="list"
      ref={inputRef}
      onDropdownOpen={() => setExpanded(true)}
      onDropdownClose={() => setExpanded(false)}
      placeholder={orgs.isPending ? t('app.loading') : t('orgSwitcher.placeholder')}
      data={data}
      value={value}
      onChange={(slug) => {
        if (!slug || slug === currentSlug) return;
        navigate(orgPath(slug, currentModule));
        onSwitched?.();
      }}
      searchable
      allowDeselect={false}
      filter={filter}
      nothingFoundMessage={t('orgSwitcher.nothingFound')}
      disabled={orgs.isPending || items.length === 0}
      error={orgs.isError ? t('app.loadErrorTitle') : undefined}
      maxDropdownHeight={320}
      rightSection={<ComboboxChevron aria-hidden="true" />}
      rightSectionPointerEvents="none"
      comboboxProps={{ shadow: 'md' }}
      renderOption={({ option }) => <OrgOption org={bySlug.get(option.value)} label={option.label} />}
      w="100%"
    />
  );
}

function OrgOption({ org, label }: { org: Org | undefined; label: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm">{label}</Text>
      {org && (
        <Text size="xs" c="dimmed">
          {t(`orgKind.${org.kind}`)}
        </Text>
      )}
    </div>
  );
}
