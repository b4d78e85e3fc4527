// The page frame: skip link, header with the data-driven nav (collapsing to a menu on phones),
// the account banner, the routed page and the footer.
import { Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLiveUpdates } from '../api/live';
import { isCoordinator, useSession } from '../api/session';
import { navItems, type NavItem } from '../nav';
import { Button, ButtonLink } from './Button';
import { useChatUnread } from './ChatUnreadBadge';
import { CountBadge } from './CountBadge';
import { NotificationsLink } from './NotificationsLink';
import { Alert, Spinner } from './ui';

function NavLinks({ items }: { items: NavItem[] }) {
  return (
    <ul className="nav-list">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="nav-link">
            {item.label}
            {item.badge && (
              <>
                {' '}
                <item.badge />
              </>
            )}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function Layout() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const firstRender = useRef(true);
  const menuToggle = useRef<HTMLButtonElement>(null);
  useLiveUpdates(me?.user.id);
  // On phones the links hide behind Menu, so the unread chat count shows on the button too.
  const chatUnread = useChatUnread(me !== null);

  const signedIn = me !== null;
  const coordinator = isCoordinator(me?.user.role);
  const visible = (item: NavItem) =>
    item.audience === 'public' || (item.audience === 'guest' && !signedIn) || (item.audience === 'member' && signedIn);
  const mainItems = navItems.filter(visible);
  const coordinatorItems = coordinator ? navItems.filter((i) => i.audience === 'coordinator') : [];

  // After a client-side navigation: close the menu and move focus to the new page's heading,
  // so screen reader and keyboard users start at the top of what changed. Pages load lazily and
  // fetch their data, so the heading may come a moment later: focus waits for it, unless the
  // person has moved focus somewhere themselves meanwhile.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (heading) heading.focus();
      return heading !== null;
    };
    if (focusHeading()) return;
    main.focus();
    const untouched = () => document.activeElement === main || document.activeElement === document.body;
    const observer = new MutationObserver(() => {
      if (!untouched() || focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [location.pathname]);

  // Escape closes the phone menu and hands focus back to its button.
  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuToggle.current?.focus();
  };

  const onSignOut = async () => {
    await signOut();
    navigate('/');
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container header-bar" onKeyDown={onMenuKeyDown}>
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Mutuals Network
          </Link>
          <button
            ref={menuToggle}
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu <CountBadge count={chatUnread} label="unread chat" />
          </button>
          <div id="site-nav" className="site-nav" data-open={menuOpen}>
            <nav aria-label="Main">
              <NavLinks items={mainItems} />
            </nav>
            <div className="account">
              {me ? (
                <>
                  <NotificationsLink />
                  <NavLink to="/profile" className="nav-link" title="Your profile">
                    {me.user.displayName}
                  </NavLink>
                  <Button variant="ghost" size="sm" onClick={onSignOut}>
                    Sign out
                  </Button>
                </>
              ) : (
                <>
                  <NavLink to="/signin" className="nav-link">
                    Sign in
                  </NavLink>
                  <ButtonLink to="/register" size="sm" variant="secondary">
                    Join
                  </ButtonLink>
                </>
              )}
            </div>
            {coordinatorItems.length > 0 && (
              <nav aria-label="Coordinator" className="coordinator-nav">
                <span className="coordinator-label">Coordinator</span>
                <NavLinks items={coordinatorItems} />
              </nav>
            )}
          </div>
        </div>
      </header>

      {me?.user.status === 'pending' && (
        <div className="container banner">
          <Alert tone="warning" role="none" title="Your account is awaiting approval by a coordinator">
            <p>
              Until then you can complete your <Link to="/profile">profile</Link> and read, but not post, chat or request mentoring.
            </p>
          </Alert>
        </div>
      )}
      {me?.user.status === 'suspended' && (
        <div className="container banner">
          <Alert tone="danger" role="none" title="Your account is suspended">
            <p>Please contact the programme coordinators if you think this is a mistake.</p>
          </Alert>
        </div>
      )}

      <main id="main" tabIndex={-1} className="container main">
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>

      <footer className="site-footer">
        <div className="container footer-inner">
          <p>
            Mutuals Network is the peer-support and mentoring network of the Mutuals Support Programme for public service mutuals in
            England.
          </p>
          <ul className="footer-links">
            <li>
              <Link to="/eligibility">Check eligibility</Link>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}
