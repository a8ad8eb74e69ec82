// The newsroom's home: a greeting and the screens the role may open (the desks arrive later).
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame } from './admin-frame.js';

export function DashboardPage(props: { frame: Omit<AdminFrameProps, 'title'>; name: string; role: string; editions: string; links: Array<{ href: string; label: string }> }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.dashboard.title')}>
      <h1>{t('newsroom.dashboard.title')}</h1>
      <p>
        {t('newsroom.dashboard.welcome', { name: props.name })} {t('newsroom.dashboard.role', { role: props.role })} {props.editions}
      </p>
      <ul class="newsroom-tiles">
        {props.links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}
