import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSetLanguage } from '../session/session.js';
import { currentLanguage, isLanguage } from './index.js';

/** ES / EN radio group, named "Idioma" / "Language". */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const value = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      classNames={{ input: 'ayni-lang-input' }}
      value={value}
      onChange={(next) => {
        if (isLanguage(next)) setLanguage(next);
      }}
      data={[
        { value: 'es', label: <span lang="es">ES</span> },
        { value: 'en', label: <span lang="en">EN</span> },
      ]}
    />
  );
}
