import { describe, expect, it } from 'vitest';
import type { Installatie } from '../../../src/data/lists/installaties.js';
import { channelLinkChange, conversationIsChannel, mtChangeToFields } from '../../../src/data/mts-store.js';
import type { MT } from '../../../src/domain/model.js';
import { channelState } from '../../../src/tab/features/settings/lib/channel-state.js';

const TEAM = '19:team-sociaal@thread.tacv2';
const GROUP = '7c1d2a3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CHANNEL = '19:kanaal-digitalisering@thread.tacv2';
const OTHER = '19:ander-kanaal@thread.tacv2';
const installed = (value: Installatie) => [{ id: '1', eTag: 'e', problems: [], value }];
const mt = (over: Partial<MT> = {}): MT => ({
  key: 'mt-sociaal',
  naam: 'MT Sociaal Domein',
  domeinen: ['Sociaal Domein'],
  ...over,
});

describe('"Verbonden" means the bot recorded the channel; otherwise what is missing', () => {
  it('is verbonden once the bot recorded the channel (its id, or a thread in it)', () => {
    expect(channelState(mt({ teamId: TEAM, channelId: CHANNEL, conversationId: CHANNEL }), [])).toEqual({
      kind: 'verbonden',
    });
    expect(
      channelState(mt({ teamId: TEAM, channelId: CHANNEL, conversationId: `${CHANNEL};messageid=1700000000000` }), []),
    ).toEqual({ kind: 'verbonden' });
    // Recorded at installation without a registered channel (General): the card goes there, so it is connected.
    expect(channelState(mt({ teamId: TEAM, conversationId: TEAM }), [])).toEqual({ kind: 'verbonden' });
  });

  it('typed ids alone are not a connection: no team, not installed, or waiting for the first card', () => {
    expect(channelState(mt(), [])).toEqual({ kind: 'geen-team' });
    expect(channelState(mt({ channelId: CHANNEL }), [])).toEqual({ kind: 'geen-team' });
    expect(channelState(mt({ teamId: 'iets wat iemand typte', channelId: 'ook getypt' }), [])).toEqual({
      kind: 'niet-geinstalleerd',
    });
    expect(
      channelState(mt({ teamId: TEAM, channelId: CHANNEL }), installed({ teamId: '19:ander-team@thread.tacv2' })),
    ).toEqual({ kind: 'niet-geinstalleerd' });
    expect(channelState(mt({ teamId: TEAM, channelId: CHANNEL }), installed({ teamId: TEAM }))).toEqual({
      kind: 'eerste-kaart',
      kanaal: 'geregistreerd',
    });
    expect(channelState(mt({ teamId: TEAM }), installed({ teamId: TEAM }))).toEqual({
      kind: 'eerste-kaart',
      kanaal: 'algemeen',
    });
  });

  it('finds the installation by the team thread id or by the group id the configuration page wrote', () => {
    expect(
      channelState(mt({ teamId: GROUP, channelId: CHANNEL }), installed({ teamId: TEAM, groepId: GROUP })),
    ).toEqual({ kind: 'eerste-kaart', kanaal: 'geregistreerd' });
    expect(
      channelState(
        mt({ teamId: 'oud', groepId: GROUP, channelId: CHANNEL }),
        installed({ teamId: TEAM, groepId: GROUP }),
      ),
    ).toEqual({ kind: 'eerste-kaart', kanaal: 'geregistreerd' });
  });

  it('says when the recorded conversation is another channel than the registered one', () => {
    expect(
      channelState(mt({ teamId: TEAM, channelId: CHANNEL, conversationId: OTHER }), installed({ teamId: TEAM })),
    ).toEqual({ kind: 'ander-kanaal' });
  });
});

describe("linking a channel to an MT (the channel tab's configuration page)", () => {
  const place = { teamId: TEAM, groepId: GROUP, channelId: CHANNEL };

  it('writes the team thread id, the group id and the channel, and nothing when they are already there', () => {
    expect(channelLinkChange(mt(), place)).toEqual({ teamId: TEAM, groepId: GROUP, channelId: CHANNEL });
    expect(
      channelLinkChange(mt({ teamId: TEAM, groepId: GROUP, channelId: CHANNEL, conversationId: CHANNEL }), place),
    ).toEqual({});
    expect(channelLinkChange(mt({ teamId: TEAM, groepId: GROUP }), place)).toEqual({ channelId: CHANNEL });
  });

  it('clears a conversation the bot recorded for another channel, so the next card goes to the new one', () => {
    const change = channelLinkChange(mt({ teamId: TEAM, channelId: OTHER, conversationId: OTHER }), place);
    expect(change).toEqual({ groepId: GROUP, channelId: CHANNEL, conversationId: undefined });
    expect('conversationId' in change).toBe(true);
    expect(mtChangeToFields(change)).toEqual({ GroepId: GROUP, ChannelId: CHANNEL, ConversationId: null });
  });

  it('keeps a recorded conversation that is a thread of the same channel', () => {
    expect(conversationIsChannel(`${CHANNEL};messageid=1`, CHANNEL)).toBe(true);
    expect(conversationIsChannel(`${CHANNEL}x`, CHANNEL)).toBe(false);
    expect(
      channelLinkChange(
        mt({ teamId: TEAM, groepId: GROUP, channelId: CHANNEL, conversationId: `${CHANNEL};messageid=1` }),
        place,
      ),
    ).toEqual({});
  });
});
