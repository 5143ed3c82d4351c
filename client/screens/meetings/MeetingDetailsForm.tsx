import { z } from 'zod';
import { CreateMeetingRequestSchema, cycleLimits } from '../../../shared/schemas/cycles.ts';
import { localDateAndTime, offsetDateTime } from '../../cycles/localDateTime.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['title', 'startsAt', 'time', 'place'] as const;

// The date and the time are typed apart; a missing or impossible one is named in words a person would use.
const ScheduleMeetingSchema = CreateMeetingRequestSchema.extend({
  startsAt: z.string().refine((value) => value !== '', { error: 'Enter the date of the meeting' }),
  time: z.string().regex(/^\d{2}:\d{2}$/, { error: 'Enter the time the meeting starts, for example 10:00' }),
}).transform(({ time, ...request }) => ({ ...request, startsAt: offsetDateTime(request.startsAt, time) }));

interface MeetingDetailsFormProps {
  /** The meeting as it is, when changing one; empty fields when scheduling. */
  initial?: { title: string; startsAt: string; place: string };
  submitLabel: string;
  busyLabel: string;
  /** Sends the details; a thrown error is shown on the form and what was typed stays in place. */
  onSubmit: (details: { title: string; startsAt: string; place: string }) => Promise<void>;
}

/** A board meeting's details: title, date, time, and where (a room or a link); for scheduling or changing one. */
export function MeetingDetailsForm({ initial, submitLabel, busyLabel, onSubmit }: MeetingDetailsFormProps) {
  const when = initial ? localDateAndTime(initial.startsAt) : { date: '', time: '' };
  const form = useFormSubmission({
    schema: ScheduleMeetingSchema,
    fields,
    read: (element) => {
      const date = textValue(element, 'date');
      const time = textValue(element, 'time');
      // An impossible date (31 February) reads as missing; a date alone is kept so the time is asked for.
      const startsAt = date === '' ? '' : time === '' ? date : offsetDateTime(date, time) === '' ? '' : date;
      return { title: textValue(element, 'title'), startsAt, time, place: textValue(element, 'place') };
    },
    submit: onSubmit,
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="meeting-details-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('title')}
        name="title"
        label="Title"
        hint="For example: Partnership board, March"
        maxLength={cycleLimits.meetingTitle}
        autoComplete="off"
        defaultValue={initial?.title}
        error={form.errorFor('title')}
      />
      <TextField
        id={form.fieldId('startsAt')}
        name="date"
        type="date"
        label="Date"
        width="short"
        defaultValue={when.date}
        error={form.errorFor('startsAt')}
      />
      <TextField
        id={form.fieldId('time')}
        name="time"
        type="time"
        label="Start time"
        hint="In your time zone, for example 10:00"
        width="short"
        defaultValue={when.time}
        error={form.errorFor('time')}
      />
      <TextField
        id={form.fieldId('place')}
        name="place"
        label="Place or link (optional)"
        hint="A room and building, or the link to join online"
        maxLength={cycleLimits.place}
        autoComplete="off"
        defaultValue={initial?.place}
        error={form.errorFor('place')}
      />
      <button type="submit" disabled={form.sending}>
        {form.sending ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
