import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StandingView as Standing } from '../../members/members.contract.js';

/** "Socio hábil" or "No hábil: …", with every reason spelled out next to it. */
export function StandingBadge({ standing, size = 'lg' }: { standing: Standing; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (standing.inGoodStanding) {
    return (
      <Badge color="green" variant="filled" radius="sm" tt="none" size={size}>
        {t('standing.good')}
      </Badge>
    );
  }
  const reasons = standing.reasons.map((r) => r.message).join(' ');
  return (
    <Tooltip label={reasons || t('standing.notGood')} multiline maw={320} disabled={!reasons}>
      <Badge color="red" variant="filled" radius="sm" tt="none" size={size}>
        {t('standing.notGood')}
      </Badge>
    </Tooltip>
  );
}
