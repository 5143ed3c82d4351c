import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { MeetingScreen } from './MeetingScreen.tsx';
import { MeetingsScreen } from './MeetingsScreen.tsx';

/** Everything under `/p/:partnershipId/meetings` but the board pack (a print page of its own). */
export function MeetingScreens() {
  return (
    <Routes>
      <Route index element={<MeetingsScreen />} />
      <Route path=":meetingId" element={<MeetingScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
