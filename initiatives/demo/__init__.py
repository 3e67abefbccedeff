"""The demo setting `seed_demo` loads, apart from the code that plays it out.

Data: `wijken` (wijken and partners), `people` (users, initiators, helpers), `ideas` (what
residents raise), `texts` (what brokers and initiators write). Code: `plan` (which initiative
ends where, from a fixed seed), `story` (one initiative's life through the services) and
`load` (everything, once, without mail).
"""
