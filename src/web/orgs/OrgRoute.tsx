import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import { useOrg } from '../api/queries.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import type { ModuleKey } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ComingSoonPage } from '../modules/ComingSoonPage.js';
import { OrgHomePage } from './OrgHomePage.js';

/** `/o/:slug` and `/o/:slug/:module`: loads the organization, then its page. */
export function OrgRoute({ slug, module }: { slug: string; module: ModuleKey }) {
  const { t } = useTranslation();
  const org = useOrg(slug);
  const missing = isApiProblem(org.error, 404) || isApiProblem(org.error, 403);
  useDocumentTitle(missing ? t('org.notFoundTitle') : undefined);

  if (org.data) {
    return module === 'home' ? (
      <OrgHomePage org={org.data} />
    ) : (
      <ComingSoonPage org={org.data} module={module} />
    );
  }
  if (missing) return <MessagePage title={t('org.notFoundTitle')} text={t('org.notFoundText')} />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => void org.refetch()} />;
  return <PageLoader />;
}
