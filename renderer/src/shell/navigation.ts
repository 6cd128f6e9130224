// Which page the window shows. Pages are few and known; a matter's file is opened from any list.
// The full register (台账) keeps its view in the address (domain/register/address.ts), so a
// reload, or a link from 统计, opens the same filter and order.
import { create } from 'zustand';
import { registerQuery, registerViewOf } from '../../../domain/register/address';
import type { RegisterFilter, RegisterSort } from '../../../domain/register/filter';

export type Page =
  | { name: 'intake' }
  | { name: 'queue' }
  | { name: 'figures' }
  | { name: 'accounts' }
  | { name: 'noticeSettings' }
  | { name: 'matter'; matterId: string }
  | { name: 'register'; filter: RegisterFilter; sort: RegisterSort }
  // Excel in (历史台账), issue #12
  | { name: 'import' };

interface NavigationState {
  page: Page;
  /** The page a matter's file was opened from, for its 返回 button. */
  previous: Page | null;
  open: (page: Page) => void;
  back: () => void;
}

/** The address shows the register's view, and nothing for the other pages. */
function showInAddress(page: Page): void {
  if (typeof window === 'undefined') return;
  const query = page.name === 'register' ? `?${registerQuery(page.filter, page.sort)}` : '';
  if (window.location.search !== query) window.history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
}

function firstPage(): Page {
  const view = typeof window === 'undefined' ? null : registerViewOf(window.location.search);
  return view ? { name: 'register', ...view } : { name: 'intake' };
}

export const useNavigation = create<NavigationState>((set, get) => ({
  page: firstPage(),
  previous: null,
  open: (page) => {
    showInAddress(page);
    const current = get().page;
    set({ page, previous: page.name === 'matter' && current.name !== 'matter' ? current : get().previous });
  },
  back: () => get().open(get().previous ?? { name: 'queue' }),
}));

const TITLES: Readonly<Record<Exclude<Page['name'], 'matter'>, string>> = { intake: '来访登记', queue: '工作台', figures: '统计', accounts: '账号管理', register: '台账', import: '台账导入', noticeSettings: '文书设置' };

/** What the 返回 button of a matter's file says: the page it was opened from. */
export const backLabel = (previous: Page | null) => `返回${TITLES[previous && previous.name !== 'matter' ? previous.name : 'queue']}`;
