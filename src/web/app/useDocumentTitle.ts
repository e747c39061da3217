import { useEffect } from 'react';

/** "Part · Part · Ayni"; undefined parts are skipped. Leaves the title alone when given nothing. */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  const title = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    if (title) document.title = `${title} · Ayni`;
  }, [title]);
}
