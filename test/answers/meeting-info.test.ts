/**
 * Where and when from the headers of flattened or tabbed front pages (no colon after the label),
 * as real minutes print them; prose that merely uses the word "plats" is no header.
 */
import { describe, expect, it } from 'vitest';
import { findHeaderValue } from '../../answers/facts-meeting-info.js';
import { detectIntent } from '../../answers/intent.js';

describe('meeting place and time from header labels without a colon', () => {
  it('reads the place and the time of a flattened header', () => {
    const text =
      '1 Sida 1 (41) Plats och tid. Nicolairummet, stadshuset kl. 09:00-15:17 Ajournering för kaffe kl. 10:00-10:20 Beslutande Ledamöter Kjell Hedvall (S)';
    expect(findHeaderValue(text, 'place')?.value).toBe('Nicolairummet, stadshuset');
    expect(findHeaderValue(text, 'time')?.value).toBe('kl. 09:00-15:17');
    expect(findHeaderValue('2 SAMMANTRÄDESPROTOKOLL 1[25] Plats och tid Kommunalhuset 2:3, kl 16:00-17:15 Beslutande Se bilaga', 'place')?.value).toBe(
      'Kommunalhuset 2:3',
    );
  });

  it('reads a tabbed label and leaves prose alone', () => {
    expect(findHeaderValue('Protokoll\tSammanträde  Roxen FVOF\nPlats\tLjungsbro\nTid\t2012-11-19', 'place')?.value).toBe('Ljungsbro');
    expect(findHeaderValue('Det finns plats för fler medlemmar i gruppen. Plats för nästa möte bestäms senare.', 'place')).toBeNull();
  });

  it('takes "sammanträdde" and "vilken sal" as a meeting place question', () => {
    expect(detectIntent('I vilken sal sammanträdde fullmäktige?', false)).toBe('meeting.place');
    expect(detectIntent('Mellan vilka klockslag pågick fullmäktiges sammanträde?', false)).toBe('meeting.time');
  });
});
