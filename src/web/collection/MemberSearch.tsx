import { Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberPage } from '../../members/members.contract.js';
import { api, isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';

import { listName } from '../shared/format.js';
import { StatusBadge } from '../shared/ui.js';
import { useOnline } from './queue.js';

export interface PickedMember {
  memberNumber: string;
  name: string;
  /** Typed while offline: the server checks the number when the ticket arrives. */
  unverified?: boolean;
}

/**
 * Find a member by number or name: results appear while typing; Enter picks the exact number (or the
 * first result), the arrow keys move through the results.
 */
export function MemberSearch({
  slug,
  label,
  onPick,
  inputRef,
  autoFocus = false,
}: {
  slug: string;
  label: string;
  onPick: (member: PickedMember) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const listRef = useRef<HTMLUListElement>(null);
  const resultsId = useId();
  const results = useQuery({
    queryKey: ['orgs', slug, 'members', 'search', debounced],
    queryFn: () =>
      api<MemberPage>(
        'GET',
        `/api/v1/orgs/${encodeURIComponent(slug)}/members?${new URLSearchParams({ q: debounced, limit: '8' })}`,
      ),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = debounced === '' ? [] : (results.data?.items ?? []);

  const pick = (m: { memberNumber: string; givenNames: string; familyNames: string }) => {
    onPick({ memberNumber: m.memberNumber, name: `${m.givenNames} ${m.familyNames}`.trim() });
    setPickWhenReady(null);
    setQ('');
  };

  // Enter typed faster than the search answers: pick as soon as the answer for that text arrives.
  const [pickWhenReady, setPickWhenReady] = useState<string | null>(null);
  const choose = (typed: string) => {
    const exact = items.find((m) => m.memberNumber === typed || m.memberNumber.replace(/^0+/, '') === typed);
    const chosen = exact ?? items[0];
    if (chosen) pick(chosen);
  };
  const ready =
    pickWhenReady !== null &&
    debounced === pickWhenReady &&
    !results.isFetching &&
    !results.isPlaceholderData;
  useEffect(() => {
    if (!ready || pickWhenReady === null) return;
    setPickWhenReady(null);
    choose(pickWhenReady);
  });

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const typed = q.trim();
      if (typed === '') return;
      // No connection (or no answer from the server): the typed number, to be checked on arrival.
      const unreachable = isApiProblem(results.error) && results.error.isNetworkError;
      if (!online || (unreachable && debounced === typed)) {
        const known = items.find((m) => m.memberNumber === typed);
        if (known) pick(known);
        else {
          onPick({ memberNumber: typed, name: '', unverified: true });
          setPickWhenReady(null);
          setQ('');
        }
        return;
      }
      if (debounced !== typed || results.isFetching || results.isPlaceholderData) setPickWhenReady(typed);
      else choose(typed);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index <= 0) inputRef?.current?.focus();
      else buttons[index - 1]?.focus();
    } else if (event.key === 'Escape') {
      inputRef?.current?.focus();
    }
  };

  return (
    <Stack gap={6}>
      <TextInput
        ref={inputRef}
        label={label}
        description={online ? t('collection.memberSearchHint') : t('collection.memberOffline')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPickWhenReady(null);
        }}
        onKeyDown={onInputKeyDown}
        type="search"
        autoComplete="off"
        autoFocus={autoFocus}
        size="md"
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        aria-controls={resultsId}
      />
      <div id={resultsId} aria-live="polite">
        {debounced !== '' && results.isError && (
          <Text size="sm" c="red.8">
            {problemMessage(results.error, t)}
          </Text>
        )}
        {debounced !== '' && results.data && items.length === 0 && !results.isFetching && (
          <Text size="sm" c="dimmed">
            {t('collection.noMatches', { q: debounced })}
          </Text>
        )}
        {items.length > 0 && (
          <ul
            ref={listRef}
            aria-label={t('collection.memberResults')}
            className="ayni-pick-list"
            onKeyDown={onListKeyDown}
          >
            {items.map((m) => (
              <li key={m.id}>
                <UnstyledButton className="ayni-pick-item" onClick={() => pick(m)}>
                  <Group gap="sm" wrap="nowrap" justify="space-between">
                    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {m.memberNumber}
                      </Text>
                      <Text truncate>{listName(m)}</Text>
                    </Group>
                    {m.status !== 'active' && <StatusBadge status={m.status} size="sm" />}
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Stack>
  );
}
