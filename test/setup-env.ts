import { TEST_SECRETS } from './test-env';

Object.assign(process.env, TEST_SECRETS);
