"""The usulan funnel: candidate lists proposed per desa, verified, registered and enrolled."""
