"""The content model: national content tailored with a profile's local choices; no I/O."""
