// The header search's state: what is typed, and the backend's answer for it. Asks once the
// typing pauses, never while an input method is still composing (pinyin is not the query), and
// drops an answer that a newer query has overtaken. A fragment the backend would refuse is
// worded here by the same domain rule, without the round trip.
import { useRef, useState } from 'react';
import { parseSearchQuery } from '../../../domain/search/query';
import type { SearchHit } from '../../../domain/search/rpc';
import { api } from '../api/client';

const PAUSE_MS = 250;

export interface SearchResult {
  hits: SearchHit[];
  more: boolean;
  /** The refusal (or failure) in Chinese, for the list's place. */
  error: string | null;
  loading: boolean;
}
const NOTHING: SearchResult = { hits: [], more: false, error: null, loading: false };

export function useSearch() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>(NOTHING);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  function change(next: string): void {
    setQuery(next);
    if (composing.current) return;
    clearTimeout(timer.current);
    const asked = ++latest.current;
    if (next.trim() === '') return setResult(NOTHING);
    const parsed = parseSearchQuery(next);
    if (!parsed.ok) return setResult({ ...NOTHING, error: parsed.message });
    setResult((r) => ({ ...r, error: null, loading: true }));
    timer.current = setTimeout(() => {
      void api.invoke('search.matters', { query: next }).then((r) => {
        if (asked !== latest.current) return;
        setResult(r.ok ? { hits: r.value.hits, more: r.value.more, error: null, loading: false } : { ...NOTHING, error: r.message });
      });
    }, PAUSE_MS);
  }

  return {
    query,
    result,
    change,
    /** For the box: an input method's composition is typed out before it is searched. */
    composition: {
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: (e: { currentTarget: { value: string } }) => {
        composing.current = false;
        change(e.currentTarget.value);
      },
    },
  };
}
