import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { AppHeader } from './components/AppHeader.tsx';
import { LoadingPage } from './components/LoadingPage.tsx';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { lazyScreen } from './lazyScreen.ts';
import { RequireSession } from './session/RequireSession.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import { NotFoundScreen } from './screens/NotFoundScreen.tsx';
import { PartnershipsScreen } from './screens/PartnershipsScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { PartnershipLayout } from './screens/partnership/PartnershipLayout.tsx';

// The first screens people land on are in the main bundle; the rest load when first opened.
const SetupScreen = lazyScreen(() => import('./screens/SetupScreen.tsx'), 'SetupScreen');
const AcceptInvitationScreen = lazyScreen(
  () => import('./screens/invitation/AcceptInvitationScreen.tsx'),
  'AcceptInvitationScreen',
);
const CreatePartnershipScreen = lazyScreen(
  () => import('./screens/CreatePartnershipScreen.tsx'),
  'CreatePartnershipScreen',
);
const AccountScreen = lazyScreen(() => import('./screens/account/AccountScreen.tsx'), 'AccountScreen');
const WorkspaceScreen = lazyScreen(() => import('./screens/workspace/WorkspaceScreen.tsx'), 'WorkspaceScreen');
const MembersScreen = lazyScreen(() => import('./screens/members/MembersScreen.tsx'), 'MembersScreen');
const AuditLogScreen = lazyScreen(() => import('./screens/audit/AuditLogScreen.tsx'), 'AuditLogScreen');
const NeedsAssessmentScreen = lazyScreen(
  () => import('./needsAssessment/NeedsAssessmentScreen.tsx'),
  'NeedsAssessmentScreen',
);
const MentionsScreen = lazyScreen(() => import('./comments/MentionsScreen.tsx'), 'MentionsScreen');
const TheoryOfChangeScreens = lazyScreen(
  () => import('./screens/theoryOfChange/TheoryOfChangeScreens.tsx'),
  'TheoryOfChangeScreens',
);
const FrameworkScreens = lazyScreen(() => import('./screens/framework/FrameworkScreens.tsx'), 'FrameworkScreens', {
  preloadOn: /^\/p\/[^/]+\/framework(\/|$)/,
});
const PrioritisationScreens = lazyScreen(
  () => import('./screens/prioritisation/PrioritisationScreens.tsx'),
  'PrioritisationScreens',
);

const DataMappingScreens = lazyScreen(
  () => import('./screens/dataMapping/DataMappingScreens.tsx'),
  'DataMappingScreens',
);
const EvidenceScreens = lazyScreen(() => import('./screens/evidence/EvidenceScreens.tsx'), 'EvidenceScreens');
const ConcernsScreen = lazyScreen(() => import('./screens/concerns/ConcernsScreen.tsx'), 'ConcernsScreen');
const MeetingScreens = lazyScreen(() => import('./screens/meetings/MeetingScreens.tsx'), 'MeetingScreens');
const VersionScreens = lazyScreen(() => import('./screens/versions/VersionScreens.tsx'), 'VersionScreens');
const ChangesScreen = lazyScreen(() => import('./screens/versions/ChangesScreen.tsx'), 'ChangesScreen');
const UnsubscribeScreen = lazyScreen(() => import('./screens/mail/UnsubscribeScreen.tsx'), 'UnsubscribeScreen');
const OutboxScreen = lazyScreen(() => import('./screens/mail/OutboxScreen.tsx'), 'OutboxScreen');
const NetworksScreen = lazyScreen(() => import('./screens/networks/NetworksScreen.tsx'), 'NetworksScreen');
const NetworkScreens = lazyScreen(() => import('./screens/networks/NetworkScreens.tsx'), 'NetworkScreens');
const AcceptNetworkInvitationScreen = lazyScreen(
  () => import('./screens/networks/AcceptNetworkInvitationScreen.tsx'),
  'AcceptNetworkInvitationScreen',
);
const PartnershipNetworksScreen = lazyScreen(
  () => import('./screens/networks/PartnershipNetworksScreen.tsx'),
  'PartnershipNetworksScreen',
);
const BoardPackPrintScreen = lazyScreen(
  () => import('./screens/boardPack/BoardPackPrintScreen.tsx'),
  'BoardPackPrintScreen',
);

/** Workspaces used to live at /w/:id; old links and bookmarks still work. */
function OldWorkspaceAddress() {
  const { partnershipId = '' } = useParams();
  return <Navigate to={`/p/${encodeURIComponent(partnershipId)}`} replace />;
}

function Screens() {
  const { pathname } = useLocation();
  return (
    <ScreenErrorBoundary resetKey={pathname}>
      <Suspense fallback={<LoadingPage />}>
        <Routes>
          <Route path="/sign-in" element={<SignInScreen />} />
          <Route path="/setup/:token" element={<SetupScreen />} />
          <Route path="/invite/:token" element={<AcceptInvitationScreen />} />
          <Route path="/unsubscribe/:token" element={<UnsubscribeScreen />} />
          <Route path="/network-invite/:token" element={<AcceptNetworkInvitationScreen />} />
          <Route element={<RequireSession />}>
            <Route path="/" element={<PartnershipsScreen />} />
            <Route path="/partnerships/new" element={<CreatePartnershipScreen />} />
            <Route path="/account" element={<AccountScreen />} />
            <Route path="/admin/outbox" element={<OutboxScreen />} />
            <Route path="/mentions" element={<MentionsScreen />} />
            <Route path="/networks" element={<NetworksScreen />} />
            <Route path="/networks/:networkId/*" element={<NetworkScreens />} />
            {/* Outside the partnership layout: the pack reads only its API, so the print page does not wait for (or
                decode) the whole workspace document the layout opens for every other screen. */}
            <Route path="/p/:partnershipId/meetings/:meetingId/pack" element={<BoardPackPrintScreen />} />
            <Route path="/p/:partnershipId" element={<PartnershipLayout />}>
              <Route index element={<WorkspaceScreen />} />
              <Route path="framework/*" element={<FrameworkScreens />} />
              <Route path="data-mapping/*" element={<DataMappingScreens />} />
              <Route path="evidence/*" element={<EvidenceScreens />} />
              <Route path="concerns" element={<ConcernsScreen />} />
              <Route path="members" element={<MembersScreen />} />
              <Route path="audit" element={<AuditLogScreen />} />
              <Route path="needs-assessment" element={<NeedsAssessmentScreen />} />
              <Route path="theory-of-change/*" element={<TheoryOfChangeScreens />} />
              <Route path="rounds/*" element={<PrioritisationScreens />} />
              <Route path="meetings/*" element={<MeetingScreens />} />
              <Route path="versions/*" element={<VersionScreens />} />
              <Route path="changes" element={<ChangesScreen />} />
              <Route path="networks" element={<PartnershipNetworksScreen />} />
            </Route>
          </Route>
          <Route path="/w/:partnershipId" element={<OldWorkspaceAddress />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </Suspense>
    </ScreenErrorBoundary>
  );
}

/** The app shell: a skip link, the header, and one route per screen. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <SkipLink />
        <AppHeader />
        <Screens />
      </SessionProvider>
    </BrowserRouter>
  );
}
