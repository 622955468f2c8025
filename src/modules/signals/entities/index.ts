import { AbsenceSignal } from './absence-signal.entity';
export const SignalEntities = [AbsenceSignal];
