// The register's rows for one view: the first page at once, the next ones as the table scrolls
// near its end (keyset pages from the reader worker), and the count beside them. A view changed
// while a page was on its way drops that page: the rows always belong to the view shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterFilter, RegisterSort } from '../../../domain/register/filter';
import type { RegisterCursor, RegisterRow } from '../../../domain/register/rpc';
import { api } from '../api/client';

const PAGE = 200;

export function useRegisterRows(filter: RegisterFilter, sort: RegisterSort) {
  const [rows, setRows] = useState<RegisterRow[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = useRef<RegisterCursor | null>(null);
  const busy = useRef(false);
  const view = useRef(0);

  const load = useCallback(
    async (first: boolean) => {
      if (busy.current || (!first && !next.current)) return;
      const asked = view.current;
      busy.current = true;
      setLoading(true);
      const r = await api.invoke('register.page', { filter, sort, after: first ? null : next.current, limit: PAGE });
      if (asked !== view.current) return;
      busy.current = false;
      setLoading(false);
      setError(r.ok ? null : r.message);
      if (!r.ok) return;
      next.current = r.value.next;
      setRows((old) => (first ? r.value.rows : [...old, ...r.value.rows]));
    },
    [filter, sort],
  );

  useEffect(() => {
    view.current += 1;
    busy.current = false;
    next.current = null;
    setRows([]);
    setCount(null);
    const asked = view.current;
    void load(true);
    void api.invoke('register.count', { filter }).then((r) => {
      if (asked === view.current && r.ok) setCount(r.value.count);
    });
  }, [filter, load]);

  const more = useCallback(() => void load(false), [load]);
  return { rows, count, loading, error, more };
}
