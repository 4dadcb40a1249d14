// The tabs below the top band (WAI-ARIA tabs pattern with automatic activation): a tablist of buttons, ←/→ move
// to the previous/next tab (wrapping), Home/End to the first/last, and focus follows. The open tab is the view's
// `tab` (URL key `tab`); selectTab adds a history entry, so the browser's back button returns to the last tab.
import { useRef } from 'react';
import { TABS, type Tab } from '../client/urlState.ts';
import { selectTab } from '../client/useEngine.ts';
import type { Key } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';

/** String keys of the tab labels (i18n/en.ts: Explore, Lab, Compare, Project, Train, Data). */
export const TAB_LABELS: Record<Tab, Key> = {
  explore: 'tabs.explore',
  lab: 'tabs.lab',
  compare: 'tabs.compare',
  project: 'tabs.project',
  train: 'tabs.train',
  data: 'tabs.data',
};

export const tabId = (tab: Tab) => `tab-${tab}`;
export const panelId = (tab: Tab) => `tabpanel-${tab}`;

export function TabList({ active }: { active: Tab }) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const go = (tab: Tab) => {
    selectTab(tab);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(tab)}`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = TABS.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i - 1 + TABS.length) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    go(next);
  };
  return (
    <div ref={list} className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === active}
          aria-controls={panelId(tab)}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => go(tab)}
        >
          {t(TAB_LABELS[tab])}
        </button>
      ))}
    </div>
  );
}

/**
 * One tab's panel. A hidden panel stays in the page empty (each tab's aria-controls names an element), so its
 * views are neither computed nor drawn; `keep` leaves its content mounted (a training run survives a switch).
 */
export function TabPanel({
  tab,
  active,
  keep = false,
  children,
}: {
  tab: Tab;
  active: Tab;
  keep?: boolean;
  children: React.ReactNode;
}) {
  const open = tab === active;
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      aria-labelledby={tabId(tab)}
      hidden={!open}
      tabIndex={0}
      className="tabpanel"
    >
      {open || keep ? children : null}
    </div>
  );
}
