import {
  Alert,
  Box,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CoffeeMark } from '../app/CoffeeMark.js';
import { problemMessage } from '../app/feedback.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useSignIn } from './session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const errorRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} · Ayni`;
  }, [t]);

  useEffect(() => {
    if (signIn.isError) errorRef.current?.focus();
  }, [signIn.isError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.email) return emailRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Box mih="100dvh" bg="coffee.0" px="md" py="lg">
      <Group justify="flex-end" component="header" maw={440} mx="auto">
        <LanguageSwitch />
      </Group>
      <Box component="main" id="main" maw={440} mx="auto" mt="xl">
        <Stack gap="lg">
          <Group gap="sm" wrap="nowrap">
            <CoffeeMark size={40} />
            <div>
              <Text fz={28} fw={700} lh={1.2} c="coffee.8">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>

          <Paper withBorder shadow="sm" p="lg" radius="md">
            <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
              <Stack gap="md">
                <div>
                  <Title order={1} size="h3" id="sign-in-title">
                    {t('signIn.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('signIn.intro')}
                  </Text>
                </div>

                {signIn.isError && (
                  <Alert ref={errorRef} tabIndex={-1} color="red" variant="light" role="alert">
                    {problemMessage(signIn.error, t, t('signIn.failed'))}
                  </Alert>
                )}

                <TextInput
                  label={t('signIn.email')}
                  ref={emailRef}
                  type="email"
                  name="email"
                  autoComplete="username"
                  inputMode="email"
                  required
                  value={email}
                  error={missing.email ? t('form.required') : undefined}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  ref={passwordRef}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  error={missing.password ? t('form.required') : undefined}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" fullWidth loading={signIn.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="demo-title">
            <Title order={2} size="h5" id="demo-title" mb={4}>
              {t('signIn.demoTitle')}
            </Title>
            <Text size="sm">
              <Trans
                i18nKey="signIn.demoText"
                values={{
                  password: 'ayni-demo',
                  admin: 'admin@ayni.example',
                  manager: 'manager@cedros.example',
                }}
                components={{ code: <Code /> }}
              />
            </Text>
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}
