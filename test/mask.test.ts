import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDigits } from '../src/privacy/fold-digits.js';
import { maskPersonalData } from '../src/privacy/mask.js';

// Every way a digit can be written: ASCII, full width, other scripts' decimal digits, mathematical
// (astral), and Chinese numerals.
const DIGIT_FORMS: Array<(d: number) => string> = [
  (d) => String(d),
  (d) => String.fromCodePoint(0xff10 + d), // １
  (d) => String.fromCodePoint(0x0660 + d), // Arabic-Indic
  (d) => String.fromCodePoint(0x0966 + d), // Devanagari
  (d) => String.fromCodePoint(0x1d7ce + d), // 𝟎 mathematical bold
  (d) => String.fromCodePoint(0x1d7f6 + d), // 𝟶 mathematical monospace
  (d) => '〇一二三四五六七八九'[d],
];
const SEPARATORS = [' ', '  ', '-', ' - ', '.', '\u3000', '\u00A0', '\uFF0D', '\u2013', '\u2014', '\u2212', '\uFF0E', '\u00B7', '\u30FB', '_', '\u200B', '\u2060', '\uFEFF', '\u00AD', '~', '\uFF5E'];
const CONTEXT = fc.constantFrom('', '电话', '请打我电话', '找王一', '联系人：', ' ', '，', '投诉 8-2-301 漏水，', 'call ', '8栋楼道 ', '（', '"');
const AFTER = fc.constantFrom('', '。', '，谢谢', ' 3楼', ' 8-2-301', '号', ' 60元', '）', '"', ' P3348');

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, rest]) => [1, b, ...rest]);
const landline = fc.oneof(
  fc.tuple(fc.constantFrom([0, 1, 0], [0, 2, 1], [0, 7, 3, 1], [0, 5, 7, 1], [0, 3, 1, 1]), fc.integer({ min: 2, max: 9 }), digits(7)).map(([a, h, r]) => ({ area: a, local: [h, ...r] })),
  fc.tuple(fc.constantFrom([0, 7, 3, 1], [0, 5, 7, 1]), fc.integer({ min: 2, max: 9 }), digits(6)).map(([a, h, r]) => ({ area: a, local: [h, ...r] })),
);
const idCard = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(5), fc.integer({ min: 1930, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3), fc.constantFrom('0', '5', '9', 'X', 'x'))
  .map(([h, region, y, m, d, seq, check]) => `${h}${region.join('')}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq.join('')}${check}`);

/** Write digits in one form, with `sep` at the cut points. */
function write(ds: number[], form: (d: number) => string, sep: string, cuts: readonly number[]): string {
  return ds.map((d, i) => (cuts.includes(i) ? sep : '') + form(d)).join('');
}

// A Chinese numeral right next to Chinese-numeral digits is part of the number (王一 + 一三八…): not a case.
const HAN = DIGIT_FORMS[DIGIT_FORMS.length - 1];
// A number spelled out digit by digit (1 3 8 …) and then more digits after the same separator
// (… 7 8 60元) is one chain: where the phone ends cannot be known, so the masker leaves it.
const chainGoesOn = (sep: string, after: string) => /^ \d/.test(after) && /^ +$/.test(foldDigits(sep).text);
const hanTouches = (form: (d: number) => string, before: string, after: string) => form === HAN && (/[〇一二三四五六七八九]$/.test(before) || /^[〇一二三四五六七八九]/.test(after));

describe('maskPersonalData', () => {
  it('masks the examples, keeping the last four digits', () => {
    expect(maskPersonalData('请打13812345678')).toBe('请打138****5678');
    expect(maskPersonalData('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPersonalData('１３８１２３４５６７８')).toBe('138****5678');
    expect(maskPersonalData('138.1234.5678')).toBe('138****5678');
    expect(maskPersonalData('电话 138 12 34 56 78')).toBe('电话 138****5678');
    expect(maskPersonalData('1 3 8 1 2 3 4 5 6 7 8')).toBe('138****5678');
    expect(maskPersonalData('0731-88886666')).toBe('0731-****6666');
    expect(maskPersonalData('(0731)88886666')).toBe('0731-****6666');
    expect(maskPersonalData('010-12345678')).toBe('010-****5678');
    expect(maskPersonalData('身份证430102199001011234')).toBe('身份证**************1234');
    expect(maskPersonalData('43010219900101123X')).toBe('**************123X');
  });

  it('masks every mobile in every digit form and with every separator and grouping', () => {
    const grouping = fc.constantFrom([3, 7], [4, 7], [3], [7], [], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    fc.assert(
      fc.property(mobile, fc.constantFrom(...DIGIT_FORMS), fc.constantFrom(...SEPARATORS), grouping, fc.constantFrom('', '+86 ', '+86', '(+86)', '０086 ', '86'), CONTEXT, AFTER, (ds, form, sep, cuts, cc, before, after) => {
        fc.pre(!hanTouches(form, before, after));
        fc.pre(!(cuts.length > 3 && chainGoesOn(sep, after)));
        const text = `${before}${cc}${write(ds, form, sep, cuts)}${after}`;
        expect(maskPersonalData(text)).toBe(`${before}${ds.slice(0, 3).join('')}****${ds.slice(-4).join('')}${after}`);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });

  it('masks every landline and ID-card number in every digit form and with every separator', () => {
    fc.assert(
      fc.property(landline, fc.constantFrom(...DIGIT_FORMS), fc.constantFrom(...SEPARATORS), fc.constantFrom('plain', 'dash', 'parens', 'wide-parens', 'split'), CONTEXT, AFTER, ({ area, local }, form, sep, style, before, after) => {
        fc.pre(!hanTouches(form, before, after));
        const a = area.map(form).join('');
        const l = local.map(form).join('');
        const body =
          style === 'plain' ? a + l
          : style === 'dash' ? a + sep + l
          : style === 'parens' ? `(${a})${l}`
          : style === 'wide-parens' ? `（${a}）${l}`
          : a + sep + write(local, form, sep, [local.length - 4]);
        expect(maskPersonalData(`${before}${body}${after}`)).toBe(`${before}${area.join('')}-****${local.slice(-4).join('')}${after}`);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(idCard, fc.constantFrom(...DIGIT_FORMS), fc.constantFrom(...SEPARATORS), fc.constantFrom<number[]>([], [6, 14], [4, 8, 12, 16]), CONTEXT, AFTER, (id, form, sep, cuts, before, after) => {
        fc.pre(!hanTouches(form, before, after));
        fc.pre(!(cuts.length > 2 && chainGoesOn(sep, after)));
        const ds = id.split('');
        const written = ds.map((c, i) => (cuts.includes(i) ? sep : '') + (/\d/.test(c) ? form(Number(c)) : c)).join('');
        expect(maskPersonalData(`${before}${written}${after}`)).toBe(`${before}**************${id.slice(-4).toUpperCase()}${after}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves room codes, amounts, refs, dates and ids alone', () => {
    const room = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 3204 })).map(([b, u, r]) => `${b}-${u}-${r}`);
    const token = fc.oneof(
      room,
      fc.integer({ min: 1, max: 99_999 }).map((n) => `${n}元`),
      fc.integer({ min: 1, max: 99_999 }).map((n) => `P${n}`),
      fc.integer({ min: 1, max: 24 }).map((n) => `${n}个月`),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.integer({ min: 1, max: 999 }).map(String),
      fc.constantFrom('收费', '已交', '确认', '投诉', '8栋', '3单元', '楼道', '，', '、', ' '),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (tokens) => {
        const text = tokens.join(' ');
        expect(maskPersonalData(text)).toBe(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
    for (const text of ['8-2-301', '60元', 'P3348', '收费 8-2-302 60', '13-2-1701 6000', '8-2-1 8-2-2 8-2-3 8-2-4 8-2-5', '{"time":1767225600000,"pid":12345}', 'chat -1001234567890', '130 100 100 10个月', '收费 130 100 100 10']) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });
});
