/** A valid task for tests (this module's and others'), with any fields replaced. */
import type { CreateTaskInput } from '../contract.ts';

export function taskInput(overrides: Partial<CreateTaskInput> = {}): CreateTaskInput {
  return {
    year: 2024,
    code: 'T-1',
    parentCode: null,
    areaCode: 'social-minorities',
    title: { ko: '시험 과제', en: 'Test task' },
    description: null,
    leadDepartment: 'DHRP-DHR',
    cooperatingDepartments: [],
    budgetPlanned: 1000,
    target: null,
    weight: 1,
    milestones: [],
    indicatorCodes: [],
    isPublic: true,
    tags: [],
    ...overrides,
  };
}
