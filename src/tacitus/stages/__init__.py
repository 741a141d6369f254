"""Pipeline stages after reading: parse, actors, events, modality, time, place."""
