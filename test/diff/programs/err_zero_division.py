# Averaging the loss over an empty list of batches divides by zero.
losses = {}
for epoch in range(3):
    batch_losses = []
    for step in range(2 - epoch):
        batch_losses.append(1.0 / (epoch + step + 1))
    losses[epoch] = batch_losses
    print("epoch", epoch, "batches", len(batch_losses))


def mean(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)


for epoch, values in losses.items():
    print("epoch %d mean loss %s" % (epoch, mean(values)))
print("never printed")
