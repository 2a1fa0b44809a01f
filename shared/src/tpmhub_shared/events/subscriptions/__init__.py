"""Outbound webhook subscriptions (every service): the table, request/response models, rules, signing
and the delivery of one event to one subscriber (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
`webhook-signature`; `v1` HMAC-SHA256 with a `whsec_` secret, or `v1a` ed25519 with a per-subscription key
pair whose public half `whpk_…` is shown and whose private half `whsk_…` never leaves the service). Chat
robot formats may also carry the robot's own signature (DingTalk / Feishu 加签)."""
