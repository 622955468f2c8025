export const ENDED_TRAJECTORY_STATUSES = ['completed', 'dropped_out'];
export const EDITABLE_ITEM_STATUSES = ['draft', 'needs_revision'];
