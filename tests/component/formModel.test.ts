// The registration form's model: a card reader's line split into number and name, the form's
// values turned into the 'intake.register' record the contract accepts, region paths too short
// to file, error paths placed under their boxes, and the paths an edit touched.
import { describe, expect, it } from 'vitest';
import { localContract } from '../../renderer/src/api/localContract';
import {
  changedPaths,
  draftTitle,
  emptyPerson,
  fieldId,
  fieldOfErrorPath,
  hasContent,
  initialValues,
  regionPathErrors,
  splitReaderLine,
  toInput,
  type FormValues,
} from '../../renderer/src/intake/formModel';
import { countyId } from '../support/city';

const ID = countyId(101, '19800101');

function filledForm(): FormValues {
  const v = initialValues();
  v.visitor.credential.number = ID;
  v.visitor.name = '王建国';
  v.visitor.mobile = '13812345678';
  v.visitor.household = { region: ['41', '4101', '410102'], detail: '建设路1号' };
  v.summary = '反映小区供暖不达标';
  return v;
}

describe('a card reader line', () => {
  it('"number name" splits into the number and the name', () => {
    expect(splitReaderLine('110105199001011234 张三')).toEqual({ number: '110105199001011234', name: '张三' });
  });

  it('a Tab between number and name splits the same way, and surrounding blanks go', () => {
    expect(splitReaderLine('  11010519900101123X\t欧阳 娜娜 ')).toEqual({ number: '11010519900101123X', name: '欧阳 娜娜' });
  });

  it('a number typed in groups with spaces stays one number with no name', () => {
    expect(splitReaderLine('4101 0219 8001 0110 1X')).toEqual({ number: '4101 0219 8001 0110 1X', name: '' });
  });

  it('a number alone has no name', () => {
    expect(splitReaderLine(` ${ID} `)).toEqual({ number: ID, name: '' });
  });
});

describe('the form values as the registration record', () => {
  it('a filled form becomes a record the contract accepts, with the draft and the link carried', () => {
    const input = toInput(filledForm(), { kind: 'repeat', matterId: 'm-1' }, 'draft-1');
    expect(localContract['intake.register'].input.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({
      visitor: { credential: { type: 'resident', number: ID }, name: '王建国', mobile: '13812345678', household: { region: '410102', detail: '建设路1号' } },
      channel: 'visit',
      headcount: 1,
      summary: '反映小区供暖不达标',
      link: { kind: 'repeat', matterId: 'm-1' },
      draftId: 'draft-1',
    });
  });

  it('cascader paths give their last code, the category its second level, and an empty path nothing', () => {
    const v = filledForm();
    v.placeRegion = ['41', '4101', '410102', '410102001'];
    v.category = ['01', '0103'];
    const input = toInput(v, { kind: 'first' }, 'd');
    expect(input.placeRegion).toBe('410102001');
    expect(input.categoryCode).toBe('0103');
    expect(input.visitor.current?.region).toBe('');
  });

  it('a reader line left in a number box is filed as its number only', () => {
    const v = filledForm();
    v.visitor.credential.number = `${ID} 王建国`;
    expect(toInput(v, { kind: 'first' }, 'd').visitor.credential.number).toBe(ID);
  });

  it('blank representative rows are dropped and filled ones kept in order', () => {
    const v = filledForm();
    v.headcount = 12;
    const rep = { credential: { type: 'resident' as const, number: countyId(211) }, name: '代表一', mobile: '' };
    v.representatives = [emptyPerson(), rep, { ...emptyPerson(), name: '  ' }];
    expect(toInput(v, { kind: 'first' }, 'd').representatives).toEqual([rep]);
  });

  it('越级 "否" is no skip level, and an emptied 人数 is 0 so the schema names the rule', () => {
    const v = filledForm();
    v.headcount = null;
    const input = toInput(v, { kind: 'first' }, 'd');
    expect(input.flags?.skipLevel).toBeNull();
    expect(input.headcount).toBe(0);
    const check = localContract['intake.register'].input.safeParse(input);
    expect(check.success).toBe(false);
    expect(check.error?.issues.map((i) => i.path.join('.'))).toEqual(['headcount']);
  });

  it('越级 chosen is passed on', () => {
    const v = filledForm();
    v.flags.skipLevel = 'province';
    expect(toInput(v, { kind: 'first' }, 'd').flags?.skipLevel).toBe('province');
  });
});

describe('region paths', () => {
  it('a path ending above the county is refused in the clerk\'s words; county, township and empty pass', () => {
    const v = filledForm();
    v.visitor.household.region = ['41', '4101'];
    v.visitor.current.region = ['41', '4101', '410102', '410102001'];
    v.placeRegion = [];
    expect(regionPathErrors(v)).toEqual([{ name: ['visitor', 'household', 'region'], message: '请选择到区县或乡镇（街道）' }]);
  });
});

describe('where an error is shown', () => {
  it.each([
    ['visitor.name', ['visitor', 'name']],
    ['categoryCode', ['category']],
    ['visitor.credential', ['visitor', 'credential', 'number']],
    ['representatives.2.mobile', ['representatives', 2, 'mobile']],
    ['representatives.3', ['representatives', 3, 'credential', 'number']],
  ])('%s goes under the box %j', (path, field) => {
    expect(fieldOfErrorPath(path)).toEqual(field);
  });

  it('an error about the representatives as a whole goes to the list', () => {
    expect(fieldOfErrorPath('representatives')).toBe('representatives');
  });

  it('a path with no box of its own has no place on the form', () => {
    expect(fieldOfErrorPath('link.matterId')).toBeNull();
    expect(fieldOfErrorPath('draftId')).toBeNull();
  });

  it('a field\'s DOM id is antd\'s: the form name and the path joined with _', () => {
    expect(fieldId(['representatives', 0, 'credential', 'number'])).toBe('registration_representatives_0_credential_number');
  });
});

describe('the paths an edit touched', () => {
  it('nested values give their leaf paths', () => {
    expect(changedPaths({ visitor: { name: '张', household: { detail: '路' } } })).toEqual([
      ['visitor', 'name'],
      ['visitor', 'household', 'detail'],
    ]);
  });

  it('a cascader\'s path array is one leaf', () => {
    expect(changedPaths({ placeRegion: ['41', '4101'] })).toEqual([['placeRegion']]);
  });

  it('a representative\'s row is found by its index; rows not edited are skipped', () => {
    expect(changedPaths({ representatives: [undefined, { mobile: '1' }] })).toEqual([['representatives', 1, 'mobile']]);
  });
});

describe('drafts', () => {
  it('an untouched form is not worth a draft; a name is', () => {
    expect(hasContent(initialValues())).toBe(false);
    const v = initialValues();
    v.visitor.name = '周晓燕';
    expect(hasContent(v)).toBe(true);
  });

  it('a draft is titled by the name, else the summary\'s start, else says the name is missing', () => {
    const v = initialValues();
    expect(draftTitle(v)).toBe('（未填姓名）');
    v.summary = '反映学校乱收费问题，要求退还多收的费用';
    expect(draftTitle(v)).toBe('反映学校乱收费问题，要求');
    v.visitor.name = ' 周晓燕 ';
    expect(draftTitle(v)).toBe('周晓燕');
  });
});
