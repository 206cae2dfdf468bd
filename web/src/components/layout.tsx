import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { menuOf } from '../auth/access';
import { useSession } from '../auth/session';
import { officeLabel } from './office';

/** The title of the page in the tab, and its heading focused when the page opens (for screen readers). */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — 窓口 Madoguchi`;
    heading.current?.focus();
  }, [title]);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <h1 className="page__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** The frame of every signed-in page: skip link, who is signed in where, the menu of what they may do, language, sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { user, permissions, offices, signOut } = useSession();
  const navigate = useNavigate();
  const officeName = officeLabel(offices, user?.officeId, lang);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="header">
        <div className="header__inner">
          <p className="header__brand">
            窓口 <span lang="en">Madoguchi</span>
            <span className="header__city">{offices?.municipality.name}</span>
          </p>
          <div className="header__tools">
            {user ? (
              <p className="header__user">
                {user.name}（{t(`role.${user.role}` as MessageKey)}・{officeName}）
              </p>
            ) : null}
            <button type="button" className="button button--secondary button--small" onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')} lang={lang === 'ja' ? 'en' : 'ja'}>
              {lang === 'ja' ? 'English' : '日本語'}
            </button>
            {user ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={async () => {
                  await signOut();
                  navigate('/signin');
                }}
              >
                {t('layout.signOut')}
              </button>
            ) : null}
          </div>
        </div>
        {user && !user.mustChangePassword ? (
          <nav className="nav" aria-label={t('layout.menu')}>
            <ul className="nav__list">
              {menuOf(permissions).map((item) => (
                <li key={item.to}>
                  <NavLink className="nav__link" to={item.to} end>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
