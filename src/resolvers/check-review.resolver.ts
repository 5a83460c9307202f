import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CheckReview } from '../entities/check-review.entity';
import { CheckType, type ReviewableCheck } from '../schema/check.type';
import type { GatewayContext } from '../server/context';
import { applicableReview } from '../services/check-review';

@Resolver(() => CheckType)
export class CheckReviewResolver {
  @FieldResolver(() => CheckReview, { nullable: true, description: 'The latest review of this check, while it still fails with the figures it was reviewed on' })
  async review(@Root() check: ReviewableCheck, @Ctx() { loaders }: GatewayContext): Promise<CheckReview | undefined> {
    return applicableReview(check, await loaders.reviews.load(check.reviewsKey));
  }
}
