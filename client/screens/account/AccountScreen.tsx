import { Page } from '../../components/Page.tsx';
import { ApiTokens } from './ApiTokens.tsx';
import { DetailsForm } from './DetailsForm.tsx';
import { NotificationSettings } from './NotificationSettings.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { SignOutSection } from './SignOutSection.tsx';

/** My name and organisation, email notifications, password, API tokens, and signing out. */
export function AccountScreen() {
  return (
    <Page title="Your account">
      <div className="narrow">
        <h1>Your account</h1>
        <nav aria-label="On this page" className="contents">
          <h2 className="contents__title">On this page</h2>
          <ul>
            <li>
              <a href="#details-heading">Your details</a>
            </li>
            <li>
              <a href="#notifications-heading">Email notifications</a>
            </li>
            <li>
              <a href="#password-heading">Change your password</a>
            </li>
            <li>
              <a href="#tokens-heading">API tokens</a>
            </li>
            <li>
              <a href="#sign-out-heading">Sign out</a>
            </li>
          </ul>
        </nav>
        <DetailsForm />
        <NotificationSettings />
        <PasswordForm />
        <ApiTokens />
        <SignOutSection />
      </div>
    </Page>
  );
}
