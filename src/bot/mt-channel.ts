/** The MT registrations as the bot reads and records them: the data layer's (the reminder job records a channel too). */
export { loadMts, updateMtChannel, type MtChannelChange } from '../data/mt-channel.js';
