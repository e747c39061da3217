import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Election, ElectionCandidate } from '../../governance/governance.contract.js';
import { outcomeName, tieBreakText } from './ui.js';

const OUTCOME_COLORS: Record<string, string> = {
  elected: 'green.8',
  alternate: 'blue.8',
  tied: 'orange.8',
  not_elected: 'gray.7',
};

/** Candidates in the order of the result: elected, alternates, then the rest, each by votes. */
export function rankedCandidates(election: Election): ElectionCandidate[] {
  const order = { elected: 0, tied: 1, alternate: 2, not_elected: 3 };
  return [...election.candidates].sort(
    (a, b) =>
      order[a.outcome ?? 'not_elected'] - order[b.outcome ?? 'not_elected'] ||
      (b.votes ?? 0) - (a.votes ?? 0) ||
      a.ballotNumber - b.ballotNumber,
  );
}

/**
 * A tallied election: who is elected, who is an alternate, votes, blank ballots, and, when a tie at
 * the last seat was settled by the statute's tie-break, which and how; with the published ballots.
 */
export function ElectionResults({
  election,
  showBallots = true,
}: {
  election: Election;
  showBallots?: boolean;
}) {
  const { t } = useTranslation();
  const ranked = rankedCandidates(election);
  const tie = election.candidates.find((c) => c.tieNote !== null);
  return (
    <Stack gap="xs">
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('elections.turnout', { voted: String(election.voted), blank: String(election.blank ?? 0) })}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table striped withTableBorder aria-label={t('elections.resultsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('elections.candidate')}</Table.Th>
              <Table.Th ta="right">{t('elections.votes')}</Table.Th>
              <Table.Th>{t('elections.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranked.map((c) => (
              <Table.Tr key={c.memberNumber} fw={c.outcome === 'elected' ? 700 : undefined}>
                <Table.Td>
                  {c.ballotNumber}. {c.name}
                  {c.tieNote ? ' *' : ''}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.votes ?? 0}
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={c.outcome === 'elected' || c.outcome === 'alternate' ? 800 : 500}
                    c={OUTCOME_COLORS[c.outcome ?? 'not_elected']}
                  >
                    {c.outcome === 'elected' ? '✓ ' : ''}
                    {outcomeName(t, c.outcome ?? 'not_elected')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {tie && <Text size="sm">* {tieBreakText(t, tie.tieNote ?? election.tieBreak)}</Text>}
      {!tie && (
        <Text size="sm" c="dimmed">
          {t('elections.tieRule', { rule: t(`elections.tieBreakName.${election.tieBreak}`) })}
        </Text>
      )}
      {showBallots && election.method === 'secret' && (
        <details>
          <summary style={{ cursor: 'pointer' }}>
            {t('governance.console.ballots', { count: election.ballots.length })}
          </summary>
          <BallotList election={election} />
        </details>
      )}
    </Stack>
  );
}

/** The published ballots: receipt code and the ballot numbers marked (or "en blanco"). */
export function BallotList({ election }: { election: Election }) {
  const { t } = useTranslation();
  const ballotNumber = new Map(election.candidates.map((c) => [c.memberNumber, c.ballotNumber]));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={4} mt="xs">
      {election.ballots.map((b) => (
        <Group key={b.receiptCode} gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {b.receiptCode}
          </Text>
          <Text size="sm">
            ·{' '}
            {b.choices.length === 0
              ? t('elections.blankShort')
              : b.choices.map((n) => ballotNumber.get(n) ?? '?').join(', ')}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}
