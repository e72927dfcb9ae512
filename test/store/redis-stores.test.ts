import { describeStoreContract } from './contract/store-contract';
import { redisStoreFixtures } from './redis-fixture';

describe('Redis', () => {
  const { makeStores } = redisStoreFixtures();
  describeStoreContract('Redis', makeStores);
});
