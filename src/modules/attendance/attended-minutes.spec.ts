import { attendedMinutes } from './attended-minutes';

describe('attendedMinutes', () => {
  it('present counts the whole lesson', () => {
    expect(attendedMinutes('present', 180)).toBe(180);
    expect(attendedMinutes('present', 180, 0)).toBe(180);
  });

  it('late subtracts the minutes late', () => {
    expect(attendedMinutes('late', 180, 15)).toBe(165);
    expect(attendedMinutes('late', 180, 1)).toBe(179);
    expect(attendedMinutes('late', 180, 180)).toBe(0);
  });

  it('never goes below zero', () => {
    expect(attendedMinutes('late', 60, 90)).toBe(0);
  });

  it('absence counts nothing, authorised or not', () => {
    expect(attendedMinutes('absent_authorised', 180)).toBe(0);
    expect(attendedMinutes('absent_unauthorised', 180)).toBe(0);
  });
});
