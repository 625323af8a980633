import type { Role } from '@/db/schema';

export type NavItem = {
  href: string;
  label: string;
  icon: IconName;
  roles?: Role[];
  /** A count shown as a badge when above zero (overdue tasks, new leads), and what it counts. */
  badge?: { count: number; label: string; testId: string };
};
export type IconName = 'home' | 'users' | 'settings' | 'deals' | 'list' | 'contact' | 'building' | 'chart' | 'tasks' | 'box' | 'quote' | 'sliders' | 'inbox';

/** The sections that exist; each later capability adds its entry here. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Dashboard', icon: 'home' },
  { href: '/leads', label: 'Leads', icon: 'inbox' },
  { href: '/deals', label: 'Deals', icon: 'deals' },
  { href: '/tasks', label: 'Tasks', icon: 'tasks' },
  { href: '/contacts', label: 'Contacts', icon: 'contact' },
  { href: '/companies', label: 'Companies', icon: 'building' },
  { href: '/quotes', label: 'Quotes', icon: 'quote' },
  { href: '/products', label: 'Products', icon: 'box' },
  { href: '/forecast', label: 'Forecast', icon: 'chart' },
  { href: '/reports', label: 'Reports', icon: 'list', roles: ['admin', 'manager'] },
  { href: '/import', label: 'Import', icon: 'list', roles: ['admin', 'manager'] },
  { href: '/settings/workspace', label: 'Workspace', icon: 'sliders', roles: ['admin'] },
  { href: '/settings/pipelines', label: 'Pipelines', icon: 'settings', roles: ['admin'] },
  { href: '/settings/users', label: 'Users', icon: 'users', roles: ['admin'] },
  { href: '/settings/jobs', label: 'Jobs', icon: 'list', roles: ['admin'] },
  { href: '/settings/forms', label: 'Forms', icon: 'list', roles: ['admin'] },
  { href: '/settings/lead-scoring', label: 'Lead scoring', icon: 'sliders', roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

export function isActive(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
