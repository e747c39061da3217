import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeView as Me, SignInResponse as SessionResponse } from '../../orgs/orgs.contract.js';
import { api, isApiProblem } from '../api/client.js';
import { forgetSession, queryKeys, rememberMe } from '../api/queries.js';
import { navigate } from '../app/router.js';
import type { Language } from '../i18n/index.js';
import { adoptUserLocale, chooseLanguage } from '../i18n/index.js';

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api<SessionResponse>('POST', '/api/v1/session', credentials),
    onSuccess: ({ user, csrfToken }) => {
      // Nothing cached may leak from a previous session into this one.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      rememberMe(client, user, csrfToken);
      adoptUserLocale(user.locale);
    },
  });
}

/** Sign out here, or (`everywhere`) end every session of this user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      api<void>('DELETE', everywhere ? '/api/v1/sessions' : '/api/v1/session'),
    onSettled: (_data, error) => {
      // If the server could not be reached the session may still be alive: stay signed in.
      if (error && !isApiProblem(error, 401)) return;
      navigate('/', { replace: true });
      forgetSession(client);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('PUT', '/api/v1/me/password', body),
  });
}

/** Switch the interface language, remember it on this device and, when signed in, on the account. */
export function useSetLanguage() {
  const client = useQueryClient();
  const saveLocale = useMutation({
    mutationFn: (locale: Language) => api<Me>('PATCH', '/api/v1/me', { locale }),
    onSuccess: (me) => rememberMe(client, me),
  });
  return (language: Language) => {
    chooseLanguage(language);
    const me = client.getQueryData<Me | null>(queryKeys.me);
    if (me && me.locale !== language) saveLocale.mutate(language);
  };
}
