/**
 * A variable's list of choices travels as the last line of its REFI-QDA Description (the
 * schema has no other place for it); Gloss reads the line back as the list and leaves
 * any other text alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qde, zipQdpx } from './fixtures/qdpx-fixtures';
import { describeVariable, readVariableDescription } from './qde-variables';
import { readQdpx } from './qdpx-import';

describe('describeVariable / readVariableDescription', () => {
  it('writes the list after the description, in JSON, and reads both back', () => {
    const written = describeVariable({ description: 'Where they live', choices: ['Rural', 'Urban, "north"'] });
    expect(written).toBe('Where they live\n\nChoices: ["Rural","Urban, \\"north\\""]');
    expect(readVariableDescription(written)).toEqual({ description: 'Where they live', choices: ['Rural', 'Urban, "north"'] });
  });

  it('writes only the description when there is no list, and only the line when there is no description', () => {
    expect(describeVariable({ description: 'Age in years' })).toBe('Age in years');
    expect(describeVariable({ description: '', choices: ['Yes'] })).toBe('Choices: ["Yes"]');
    expect(readVariableDescription('Choices: ["Yes"]')).toEqual({ description: '', choices: ['Yes'] });
  });

  it('leaves a description alone whose last line only looks like a list', () => {
    for (const text of ['Choices: rural or urban', 'Choices: []', 'Choices: [1, 2]', 'Choices: ["a", ""]', 'Notes\nChoices: {"a": 1}']) {
      expect(readVariableDescription(text)).toEqual({ description: text });
    }
  });

  it('gives back any description and any list (property)', () => {
    const choice = fc.string({ minLength: 1 }).filter((c) => c.trim() !== '' && c === c.trim());
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(choice, { minLength: 1, maxLength: 8 }), (raw, choices) => {
        // The importer trims a Description, so the description a variable holds is trimmed too.
        const description = raw.trim();
        expect(readVariableDescription(describeVariable({ description, choices }))).toEqual({ description, choices });
        // Without a list, the description comes back whole unless it ends in a list line itself.
        const alone = readVariableDescription(describeVariable({ description }));
        if (!alone.choices) expect(alone.description).toBe(description);
      }),
    );
  });
});

describe('readQdpx: a variable with a list of choices', () => {
  const V = (i: number) => `77000000-0000-4000-8000-00000000000${i}`;
  const D = 'dddddddd-0000-4000-8000-000000000001';
  const file = (description: string, type = 'Text', value = 'Rural') =>
    zipQdpx({
      'project.qde': qde(
        `<Variables><Variable guid="${V(1)}" name="Area" typeOfVariable="${type}"><Description>${description}</Description></Variable></Variables>` +
          `<Cases><Case guid="${V(2)}" name="Site 1"><VariableValue><VariableRef targetGUID="${V(1)}"/><TextValue>${value}</TextValue></VariableValue><SourceRef targetGUID="${D}"/></Case></Cases>` +
          `<Sources><TextSource guid="${D}" name="One"><PlainTextContent>Text.</PlainTextContent></TextSource></Sources>`,
      ),
    });
  const read = (bytes: Uint8Array) => {
    const result = readQdpx(bytes, 'choices.qdpx', { positions: 'auto', now: '2030-01-01T00:00:00.000Z', newId: () => 'new' });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  it('reads the list from the Description', () => {
    const { file: project, report } = read(file('Where\n\nChoices: ["Rural","Urban"]'));
    expect(project.variables).toEqual([{ id: V(1), name: 'Area', type: 'text', description: 'Where', choices: ['Rural', 'Urban'] }]);
    expect(report.warnings).toEqual([]);
  });

  it('adds a value that is not among the choices to the list, and says so', () => {
    const { file: project, report } = read(file('Choices: ["Rural","Urban"]', 'Text', 'Coastal'));
    expect(project.variables[0]!.choices).toEqual(['Rural', 'Urban', 'Coastal']);
    expect(project.cases[0]!.values).toEqual({ [V(1)]: 'Coastal' });
    expect(report.warnings.join('\n')).toMatch(/Variable “Area”: 1 value was not among its choices and joined the list \(“Coastal”\)/);
  });

  it('gives no list to a variable that is not text, and keeps the line as its description', () => {
    const { file: project } = read(file('Choices: ["1","2"]', 'Integer', '1'));
    expect(project.variables[0]).toEqual({ id: V(1), name: 'Area', type: 'number', description: 'Choices: ["1","2"]' });
  });
});
