export interface Page<T> { items: T[]; nextCursor?: string | null }

export interface Profile {
  id: string; role: string; status: 'ACTIVE' | 'PENDING' | 'REJECTED' | 'DISABLED'; email: string; name: string
  phone?: string; dateOfBirth?: string; specialty?: string; licenceNumber?: string; bio?: string
  languages?: string[]; clinicAddress?: string; consultationFee?: number; rejectionReason?: string
  roles?: string[]; version: number
}

export interface DoctorCard {
  id: string; name: string; specialty: string; bio?: string; languages: string[]; clinicAddress?: string
  consultationFee?: number; photoMediaId?: string
}

export interface AccountState {
  id: string; role: string; status: string; name: string; email: string; createdAt: string; rejectionReason?: string
}

export type VisitType = 'IN_PERSON' | 'VIDEO'
/** Status codes as the API writes them (FHIR Appointment.status). */
export type AppointmentStatus = 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow'

export interface Appointment {
  id: string; doctorId: string; doctorName?: string; patientId: string; patientName?: string
  start: string; end: string; visitType: VisitType; status: AppointmentStatus; reason?: string
  cancelledBy?: string; cancellationReason?: string; checkedInAt?: string; startedAt?: string; completedAt?: string
  version: number
}

export interface Slot { start: string; end: string; localStart: string }
export interface Slots { doctorId: string; timeZone: string; visitType: VisitType; slots: Slot[] }
export interface Hold { id: string; doctorId: string; start: string; end: string; visitType: VisitType; expiresAt: string }

export interface Hours { start: string; end: string }
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY'
export interface Availability {
  doctorId?: string; timeZone: string; weeklyHours: Partial<Record<Weekday, Hours[]>>
  dateOverrides: { date: string; hours: Hours[] }[]; slotMinutes: number; bufferBeforeMinutes: number
  bufferAfterMinutes: number; minimumNoticeMinutes: number; horizonDays: number; cancellationCutoffHours: number
  visitTypes: { type: VisitType; minutes: number }[]; version?: number
}
export interface TimeOff { id: string; start: string; end: string; reason?: string; overlappingAppointments: string[] }

export interface Conversation {
  id: string; patientId: string; doctorId: string; counterpartId: string; lastSeq: number
  lastMessage?: { id: string; seq: number; senderId: string; text: string; sentAt: string; mediaCount: number }
  unreadCount: number; readSeq: number; counterpartReadSeq: number; counterpartOnline: boolean; lastActivityAt: string
}
export interface ChatMessage {
  id: string; conversationId: string; seq: number; senderId: string; clientMessageId?: string; text: string
  mediaIds: string[]; sentAt: string
}
export interface Notification {
  id: string; kind: string; title: string; body: string; data?: Record<string, string>; createdAt: string; readAt?: string | null; read: boolean
}
export interface NotificationPage { items: Notification[]; nextCursor?: string; unreadCount: number }

/** notes-service (issue 13): NoteView, RevisionView, PrescriptionView. */
export interface Note {
  id: string; patientId: string; authorId: string; authorRole: 'patient' | 'doctor' | string; title: string; body: string
  tags: string[]; mediaIds: string[]; visibility: 'shared' | 'private'; inReplyTo?: string | null; version: number
  createdAt: string; updatedAt?: string | null
}
/** What a note said at `version`, before the next edit replaced it; the list is oldest first. */
export interface NoteRevision {
  version: number; title: string; body: string; tags: string[]; mediaIds: string[]; writtenBy: string; writtenAt: string
}
export interface PrescriptionItem {
  medication: string; strength: string; form: string; dosageInstructions: string; quantity: number; refills: number
}
export interface Prescription {
  id: string; patientId: string; doctorId: string; doctorName?: string | null; items: PrescriptionItem[]
  status: 'active' | 'completed' | 'cancelled' | 'entered-in-error' | string; statusReason?: string | null
  validUntil: string; note?: string | null; issuedAt: string; statusChangedAt?: string | null; verificationCode: string
}

/** media-service (issue 14): MediaView and LinkView. */
export interface Media {
  id: string; patientId: string; uploadedBy: string; purpose: string; contentType: string; size: number; sha256: string
  width?: number | null; height?: number | null; createdAt: string; contentUrl: string; thumbnailUrl?: string | null
}
export interface MediaLink { url: string; expiresAt: string }
