import { BrowserRouter, Route, Routes } from 'react-router';
import { AppHeader } from './components/AppHeader.tsx';
import { HomeScreen } from './screens/HomeScreen.tsx';
import { WorkspaceScreen } from './screens/WorkspaceScreen.tsx';
import { NotFoundScreen } from './screens/NotFoundScreen.tsx';

/** The app shell: a skip link, the header, and one route per screen. */
export function App() {
  return (
    <BrowserRouter>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader />
      <Routes>
        <Route path="/" element={<HomeScreen />} />
        <Route path="/w/:partnershipId" element={<WorkspaceScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </BrowserRouter>
  );
}
